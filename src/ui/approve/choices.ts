// What the person has chosen in the approval window, and what follows from
// it: one row per requested field, what still stops Approve, and the answer
// sent to the wallet. Pure functions, easy to test.
import type { ConnectRequest, Duration, ShareChoice } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import { fieldLabel, fieldProblem } from '../../shared/profile-fields';

export interface Choices {
  personaId: string | null;
  /** field → ticked */
  ticked: Record<string, boolean>;
  /** values typed in the window for fields the persona has no value for */
  fill: Record<string, string>;
  duration: Duration;
}

export interface FieldRow {
  name: string;
  label: string;
  /** the site asked for it in `fields`, not `optionalFields` */
  required: boolean;
  ticked: boolean;
  /** the persona's value, or null when it has none */
  value: string | null;
  /** what the person typed for it here ('' when nothing) */
  fill: string;
  /** what is wrong with what they typed, or null */
  problem: string | null;
}

export const DEFAULT_DURATION: Duration = 'month';

/** Required fields first, in the site's order; a field named twice counts as required. */
export function requestedFields(request: ConnectRequest): { name: string; required: boolean }[] {
  // Either list may be missing when the site left it out, whatever the type says.
  const fields = request.fields ?? [];
  const required = new Set(fields);
  return [
    ...fields.map((name) => ({ name, required: true })),
    ...(request.optionalFields ?? []).filter((name) => !required.has(name)).map((name) => ({ name, required: false })),
  ];
}

export function initialChoices(request: ConnectRequest): Choices {
  const ticked: Record<string, boolean> = {};
  for (const { name, required } of requestedFields(request)) ticked[name] = required;
  return { personaId: null, ticked, fill: {}, duration: DEFAULT_DURATION };
}

/** The chosen persona; the person's first one until they choose. */
export function chosenPersona(personas: Persona[], personaId: string | null): Persona | null {
  return personas.find((p) => p.id === personaId) ?? personas[0] ?? null;
}

export function fieldRows(request: ConnectRequest, persona: Persona | null, choices: Choices): FieldRow[] {
  return requestedFields(request).map(({ name, required }) => {
    const value = persona?.fields[name] || null;
    const fill = value === null ? (choices.fill[name] ?? '') : '';
    return {
      name,
      label: fieldLabel(name, persona?.labels),
      required,
      ticked: choices.ticked[name] ?? false,
      value,
      fill,
      problem: fill ? fieldProblem(name, fill) : null,
    };
  });
}

function listOf(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** Why Approve is not possible yet, in words; null when it is. */
export function approveBlocker(persona: Persona | null, rows: FieldRow[]): string | null {
  if (!persona) return 'Choose a persona to share from.';
  const shared = rows.filter((row) => row.ticked && row.value === null);
  const empty = shared.filter((row) => !row.fill).map((row) => row.label);
  const wrong = shared.filter((row) => row.fill && row.problem).map((row) => row.label);
  const reasons: string[] = [];
  if (empty.length) reasons.push(`Fill in ${listOf(empty)}, or untick ${empty.length === 1 ? 'it' : 'them'}.`);
  if (wrong.length) reasons.push(`Check what you typed for ${listOf(wrong)}.`);
  return reasons.length ? reasons.join(' ') : null;
}

/** What the person chose, as the answer carries it. */
export function toShare(persona: Persona, rows: FieldRow[], duration: Duration): ShareChoice {
  const ticked = rows.filter((row) => row.ticked);
  const fill = Object.fromEntries(ticked.filter((row) => row.value === null && row.fill).map((row) => [row.name, row.fill]));
  return {
    personaId: persona.id,
    fields: ticked.map((row) => row.name),
    duration,
    ...(Object.keys(fill).length ? { fill } : {}),
  };
}
