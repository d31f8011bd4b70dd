// What the person shares with a site: which persona, which fields, for how
// long. The state lives in useShareChoices, so the window that asks to connect
// and the one that asks to sign in and share hold the same choices the same way.
import { useState } from 'preact/hooks';
import type { ConnectRequest, ShareChoice } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import { approveBlocker, chosenPersona, fieldRows, initialChoices, toShare, type Choices, type FieldRow } from './choices';
import { DurationChoice } from './duration-choice';
import { FieldChoices } from './field-choices';
import { PersonaPicker } from './persona-picker';

export interface ShareState {
  choices: Choices;
  setChoices: (update: (choices: Choices) => Choices) => void;
  persona: Persona | null;
  rows: FieldRow[];
  /** why Approve is not possible yet, in words; null when it is */
  blocker: string | null;
  /** the answer's part, once nothing blocks it */
  share: () => ShareChoice | null;
}

export function useShareChoices(request: ConnectRequest, personas: Persona[]): ShareState {
  const [choices, setChoices] = useState<Choices>(() => initialChoices(request));
  const persona = chosenPersona(personas, choices.personaId);
  const rows = fieldRows(request, persona, choices);
  const blocker = approveBlocker(persona, rows);
  return {
    choices,
    setChoices,
    persona,
    rows,
    blocker,
    share: () => (persona && !blocker ? toShare(persona, rows, choices.duration) : null),
  };
}

interface Props {
  state: ShareState;
  host: string;
  atSign?: string;
  personas: Persona[];
  disabled: boolean;
}

export function ShareChoices({ state, host, atSign, personas, disabled }: Props) {
  const { persona, rows, choices, setChoices } = state;
  return (
    <>
      {persona && (
        <PersonaPicker
          atSign={atSign}
          personas={personas}
          chosen={persona}
          disabled={disabled}
          onChoose={(personaId) => setChoices((c) => ({ ...c, personaId }))}
        />
      )}
      <FieldChoices
        host={host}
        rows={rows}
        disabled={disabled}
        onTick={(name, ticked) => setChoices((c) => ({ ...c, ticked: { ...c.ticked, [name]: ticked } }))}
        onFill={(name, value) => setChoices((c) => ({ ...c, fill: { ...c.fill, [name]: value } }))}
      />
      <DurationChoice value={choices.duration} disabled={disabled} onChange={(duration) => setChoices((c) => ({ ...c, duration }))} />
    </>
  );
}
