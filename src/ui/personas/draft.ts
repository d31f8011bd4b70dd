// A persona being edited: what the person has typed, which messages they
// have seen, and what is wrong with it — in the same words the background
// uses, since both ask fieldProblem(). Pure functions, easy to test.
import { MAX_PERSONA_NAME, type Persona } from '../../shared/persona';
import {
  FIELD_LABELS,
  MAX_LABEL_LENGTH,
  STANDARD_FIELDS,
  fieldProblem,
  isFieldName,
  takenNameProblem,
  type StandardField,
} from '../../shared/profile-fields';
import { customFieldName } from './custom-field-name';

export interface CustomDraft {
  /** stable across renders, for keys and element ids */
  key: string;
  /** a saved field keeps its name, so the sites that hold it keep getting it; null for a new one */
  savedName: string | null;
  label: string;
  value: string;
}

export interface Draft {
  name: string;
  fields: Partial<Record<StandardField, string>>;
  custom: CustomDraft[];
  /** problem keys whose message shows: the person has left that input */
  shown: Record<string, boolean>;
  /** inputs holding something the browser cannot read yet, like half a date */
  unreadable: Record<string, boolean>;
  /** the person tried to save, so every message shows */
  tried: boolean;
}

export interface SaveParams {
  name: string;
  fields: Record<string, string>;
  labels: Record<string, string>;
}

/** Problem keys: NAME_KEY, a standard field's name, or one side of a custom field. */
export const NAME_KEY = 'persona-name';
export const customKey = (row: CustomDraft, side: 'label' | 'value') => `custom-${row.key}-${side}`;
/** The element id of the input a problem key is about. */
export const inputId = (key: string) => (key === NAME_KEY ? key : `field-${key}`);

let counter = 0;
export function newCustomRow(): CustomDraft {
  counter += 1;
  return { key: `new${counter}`, savedName: null, label: '', value: '' };
}

const isStandard = (name: string): name is StandardField => (STANDARD_FIELDS as readonly string[]).includes(name);

export function draftFrom(persona: Persona): Draft {
  const fields: Draft['fields'] = {};
  const custom: CustomDraft[] = [];
  for (const [name, value] of Object.entries(persona.fields)) {
    if (isStandard(name)) fields[name] = value;
    else custom.push({ key: name, savedName: name, label: persona.labels[name] ?? name.slice(2), value });
  }
  return { name: persona.name, fields, custom, shown: {}, unreadable: {}, tried: false };
}

export const customName = (row: CustomDraft) => row.savedName ?? customFieldName(row.label);
const isBlank = (row: CustomDraft) => !row.label.trim() && !row.value;

/** What wallet_savePersona is sent: empty values and blank custom fields left out. */
export function toSaveParams(draft: Draft): SaveParams {
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const name of STANDARD_FIELDS) {
    const value = draft.fields[name];
    if (value) fields[name] = value;
  }
  for (const row of draft.custom) {
    const name = customName(row);
    if (!name || !row.value) continue;
    fields[name] = row.value;
    labels[name] = row.label.trim();
  }
  return { name: draft.name.trim(), fields, labels };
}

/** What is wrong with a persona's name (already trimmed), or null. */
export function personaNameProblem(name: string, otherNames: string[]): string | null {
  if (!name) return 'Give the persona a name.';
  if (name.length > MAX_PERSONA_NAME) return `Use at most ${MAX_PERSONA_NAME} characters.`;
  return takenNameProblem(name, otherNames);
}

/** Every problem, by problem key. */
export function draftProblems(draft: Draft, otherNames: string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = draft.name.trim();
  const nameProblem = personaNameProblem(name, otherNames);
  if (nameProblem) problems[NAME_KEY] = nameProblem;

  for (const field of STANDARD_FIELDS) {
    const value = draft.fields[field] ?? '';
    const problem = draft.unreadable[field]
      ? 'Enter the whole date, or clear it.'
      : value
        ? fieldProblem(field, value)
        : null;
    if (problem) problems[field] = problem;
  }

  const seen = new Set<string>(STANDARD_FIELDS);
  for (const row of draft.custom) {
    if (isBlank(row)) continue;
    const label = row.label.trim();
    const name = customName(row);
    let labelProblem: string | null = null;
    if (!label) labelProblem = 'Give this field a label.';
    else if (label.length > MAX_LABEL_LENGTH) labelProblem = `Use at most ${MAX_LABEL_LENGTH} characters.`;
    else if (!name || !isFieldName(name))
      labelProblem = 'Use some letters a–z or digits in the label: sites see the field by a name made of them.';
    else if (seen.has(name)) labelProblem = `Another field is already named ${name}. Choose a different label.`;
    if (name) seen.add(name);
    if (labelProblem) problems[customKey(row, 'label')] = labelProblem;

    const valueProblem = !row.value ? 'Enter a value, or remove this field.' : name ? fieldProblem(name, row.value) : null;
    if (valueProblem) problems[customKey(row, 'value')] = valueProblem;
  }
  return problems;
}

/** The messages the person should see now. */
export function visibleProblems(draft: Draft, problems: Record<string, string>): Record<string, string> {
  if (draft.tried) return problems;
  return Object.fromEntries(Object.entries(problems).filter(([key]) => draft.shown[key]));
}

/** What a problem key is called on screen, for the summary above the Save button. */
export function problemLabel(key: string, draft: Draft): string {
  if (key === NAME_KEY) return 'Persona name';
  if (isStandard(key)) return FIELD_LABELS[key];
  const row = draft.custom.find((r) => key === customKey(r, 'label') || key === customKey(r, 'value'));
  return row?.label.trim() || 'Custom field';
}

const sorted = (record: Record<string, string>) => JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));

/** True when saving would change something, or something typed would be lost. */
export function isDirty(draft: Draft, persona: Persona): boolean {
  const params = toSaveParams(draft);
  const labels = Object.fromEntries(Object.entries(persona.labels).filter(([name]) => name in persona.fields));
  if (params.name !== persona.name || sorted(params.fields) !== sorted(persona.fields) || sorted(params.labels) !== sorted(labels))
    return true;
  return (
    Object.values(draft.unreadable).some(Boolean) ||
    draft.custom.some((row) => !isBlank(row) && !(customName(row) && row.value))
  );
}
