// The person's choices: which persona, which fields, for how long. Holds what
// they have chosen so far; the answer goes up through `answering`. Not a form
// that submits: Enter in a text input must never approve by accident.
import { useState } from 'preact/hooks';
import type { ApprovalAnswer, ConnectRequest } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';
import { approveBlocker, chosenPersona, fieldRows, initialChoices, toAnswer, type Choices } from './choices';
import { DurationChoice } from './duration-choice';
import { FieldChoices } from './field-choices';
import { PersonaPicker } from './persona-picker';

interface Props {
  request: ConnectRequest;
  host: string;
  atSign: string;
  /** at least one */
  personas: Persona[];
  answering: Submission<[ApprovalAnswer]>;
}

export function ApprovalForm({ request, host, atSign, personas, answering }: Props) {
  const [choices, setChoices] = useState<Choices>(() => initialChoices(request));
  const persona = chosenPersona(personas, choices.personaId);
  const rows = fieldRows(request, persona, choices);
  const blocker = approveBlocker(persona, rows);
  const { busy } = answering;

  const onApprove = () => {
    if (persona && !blocker) void answering.submit(toAnswer(persona, rows, choices.duration));
  };

  return (
    <form class="approval" onSubmit={(event) => event.preventDefault()}>
      {persona && (
        <PersonaPicker
          atSign={atSign}
          personas={personas}
          chosen={persona}
          disabled={busy}
          onChoose={(personaId) => setChoices((c) => ({ ...c, personaId }))}
        />
      )}
      <FieldChoices
        host={host}
        rows={rows}
        disabled={busy}
        onTick={(name, ticked) => setChoices((c) => ({ ...c, ticked: { ...c.ticked, [name]: ticked } }))}
        onFill={(name, value) => setChoices((c) => ({ ...c, fill: { ...c.fill, [name]: value } }))}
      />
      <DurationChoice value={choices.duration} disabled={busy} onChange={(duration) => setChoices((c) => ({ ...c, duration }))} />
      <AnswerBar answering={answering} approve={{ blocker, onApprove }} />
    </form>
  );
}
