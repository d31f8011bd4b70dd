// Personas for one atSign: sealed at rest, validated field by field, and
// live — an edit reaches the sites that were granted the changed fields.
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { DEFAULT_PERSONAS, MAX_PERSONAS, type Persona } from '@/src/shared/persona';
import { CUSTOM_FIELD, fieldLabel, fieldProblem, MAX_CUSTOM_FIELDS, takenNameProblem } from '@/src/shared/profile-fields';
import type { PersonaRecord } from '../db/personas-repo';
import type { Services } from '../services';

/** What the person writes in a persona: sealed here, encrypted on the atServer. */
export type PersonaContent = Pick<Persona, 'name' | 'fields' | 'labels'>;
type Content = PersonaContent;

/**
 * Opened personas, by the vault key that opened them and the sealed value:
 * a site reading the same persona again costs no decryption. A new sealed
 * value (an edit) is a new entry; locking drops the key, and with it every
 * entry opened under it. Entries are frozen, as they are shared.
 */
const opened = new WeakMap<CryptoKey, WeakMap<object, Readonly<Content>>>();

export async function openPersona(record: PersonaRecord, { vault }: Pick<Services, 'vault'>): Promise<Persona> {
  const key = await vault.requireKey();
  let byKey = opened.get(key);
  if (!byKey) opened.set(key, (byKey = new WeakMap()));
  let content = byKey.get(record.sealed);
  if (!content) {
    const unsealed = await vault.unseal<Content>(record.sealed);
    Object.freeze(unsealed.fields);
    if (unsealed.labels) Object.freeze(unsealed.labels);
    content = Object.freeze(unsealed);
    byKey.set(record.sealed, content);
  }
  return { id: record.id, atSign: record.atSign, order: record.order, ...content };
}

export async function listPersonas(atSign: string, services: Services): Promise<Persona[]> {
  const records = await services.personas.list(atSign);
  return Promise.all(records.map((r) => openPersona(r, services)));
}

export async function findPersona(id: string, services: Services): Promise<Persona | null> {
  const record = await services.personas.get(id);
  return record ? openPersona(record, services) : null;
}

/** The persona's values of `fields`; a field it has no value for is left out. */
export const valuesOf = (persona: Pick<Persona, 'fields'>, fields: string[]): Record<string, string> =>
  Object.fromEntries(fields.filter((f) => persona.fields[f] !== undefined).map((f) => [f, persona.fields[f]!]));

export async function createDefaultPersonas(atSign: string, services: Services): Promise<void> {
  const records = await Promise.all(
    DEFAULT_PERSONAS.map(async (name, order) => ({
      id: crypto.randomUUID(),
      atSign,
      order,
      sealed: await services.vault.seal({ name, fields: {}, labels: {} } satisfies Content),
      sync: { commitId: null, pending: true },
    })),
  );
  await services.personas.putAll(records);
}

const invalidPersona = (problems: string[]) =>
  new WalletError(ErrorCode.InvalidParams, problems.join(' '), { reason: 'invalid-persona', problems });

/** Every problem with what the person typed, as one sentence per field. */
function contentProblems(content: Content): string[] {
  const problems: string[] = [];
  const name = content.name.trim();
  if (!name) problems.push('Give the persona a name.');
  for (const [field, value] of Object.entries(content.fields)) {
    const problem = fieldProblem(field, value);
    if (problem) problems.push(`${fieldLabel(field, content.labels)}: ${problem}`);
  }
  const custom = Object.keys(content.fields).filter((f) => f.startsWith('x-')).length;
  if (custom > MAX_CUSTOM_FIELDS) problems.push(`A persona can have up to ${MAX_CUSTOM_FIELDS} custom fields.`);
  for (const field of Object.keys(content.labels)) {
    if (!field.startsWith('x-')) problems.push(`Only custom fields take a label, not "${field}".`);
  }
  return problems;
}

/**
 * The rules of a persona on its own, which hold for any value the wallet
 * keeps — also one another atPlatform app wrote (the sync reads with this).
 */
export function checkContent(content: Content): void {
  const problems = contentProblems(content);
  if (problems.length) throw invalidPersona(problems);
}

const hasLabel = (labels: Record<string, string>, field: string) => Boolean(Object.hasOwn(labels, field) && labels[field]!.trim());

/**
 * What the editor refuses beyond checkContent, the person's own edits held
 * to it here too (any extension page can send wallet_savePersona): a name
 * another persona of the atSign has, a custom field with no label. Not
 * checkContent's, as the sync keeps what other apps and wallets wrote (a
 * conflict copy's name, a field with no label); so what the stored persona
 * already had — its name, a field it held with no label — may stay.
 */
async function editProblems(content: Content, existing: Persona | null, others: PersonaRecord[], services: Services): Promise<string[]> {
  const problems: string[] = [];
  if (content.name && content.name !== existing?.name) {
    const names = (await Promise.all(others.map((r) => openPersona(r, services)))).map((p) => p.name);
    const taken = takenNameProblem(content.name, names);
    if (taken) problems.push(taken);
  }
  for (const field of Object.keys(content.fields)) {
    // A name no field has is refused above already.
    if (!CUSTOM_FIELD.test(field) || hasLabel(content.labels, field)) continue;
    const heldWithout = existing && Object.hasOwn(existing.fields, field) && !hasLabel(existing.labels, field);
    if (!heldWithout) problems.push(`Give the custom field "${field}" a label.`);
  }
  return problems;
}

/**
 * Creates or updates a persona. Empty values mean "no value". Returns the
 * names of the fields whose values changed, for the sites that hold them.
 * Refuses, storing nothing, whatever the editor would refuse.
 */
export async function savePersona(
  input: Content & { id?: string; atSign: string },
  services: Services,
): Promise<{ persona: Persona; changed: string[] }> {
  const fields = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== ''));
  const content: Content = { name: input.name.trim(), fields, labels: input.labels };
  const existing = input.id ? await findPersona(input.id, services) : null;
  if (input.id && (!existing || existing.atSign !== input.atSign))
    throw new WalletError(ErrorCode.InvalidParams, 'That persona is not in this wallet.', { reason: 'unknown-persona' });
  const siblings = await services.personas.list(input.atSign);
  const others = siblings.filter((p) => p.id !== existing?.id);
  const problems = [...contentProblems(content), ...(await editProblems(content, existing, others, services))];
  if (problems.length) throw invalidPersona(problems);
  if (!existing && siblings.length >= MAX_PERSONAS)
    throw new WalletError(ErrorCode.InvalidParams, `An atSign can have up to ${MAX_PERSONAS} personas.`);
  const record: PersonaRecord = {
    id: existing?.id ?? crypto.randomUUID(),
    atSign: input.atSign,
    // After the last one, even when a delete left a gap in the positions.
    order: existing?.order ?? Math.max(-1, ...siblings.map((p) => p.order)) + 1,
    sealed: await services.vault.seal(content),
    // The edit goes to the atServer at the next sync.
    sync: { commitId: siblings.find((p) => p.id === existing?.id)?.sync?.commitId ?? null, pending: true },
  };
  await services.personas.put(record);
  sendToAtServer(input.atSign, services);
  const before = existing?.fields ?? {};
  const names = new Set([...Object.keys(before), ...Object.keys(fields)]);
  const changed = [...names].filter((n) => before[n] !== fields[n]);
  return { persona: { id: record.id, atSign: record.atSign, order: record.order, ...content }, changed };
}

/** Puts the personas of an atSign in the order given (which must name each once). */
export async function reorderPersonas(atSign: string, ids: string[], services: Services): Promise<void> {
  const records = await services.personas.list(atSign);
  const known = new Set(records.map((r) => r.id));
  if (ids.length !== records.length || ids.some((id) => !known.delete(id)))
    throw new WalletError(ErrorCode.InvalidParams, 'The new order must list each persona once.');
  const position = new Map(ids.map((id, i) => [id, i]));
  if (records.every((r) => r.order === position.get(r.id))) return;
  await services.personas.putAll(records.map((r) => ({ ...r, order: position.get(r.id)! })));
  await services.syncState.orderChanged(atSign);
  sendToAtServer(atSign, services);
}

/**
 * A change is kept here already; it goes to the atServer now if the atSign's
 * link is online, else when it is back. Nobody waits for it.
 */
export function sendToAtServer(atSign: string, services: Services): void {
  services.sync.request(atSign).catch((error: unknown) => console.error('atSign Wallet: sync failed', error));
}
