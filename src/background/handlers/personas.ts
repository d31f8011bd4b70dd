import { ErrorCode, WalletError } from '@/src/shared/errors';
import { announceRevoked } from '../grants/revoke';
import { requireAtSign } from '../identities/key-errors';
import { findPersona, listPersonas, reorderPersonas, savePersona } from '../personas/personas';
import type { Services } from '../services';
import type { Handler } from './types';

/** The atSign named, or the active one; it must be in the wallet. */
async function atSignOf(named: string | undefined, services: Services): Promise<string> {
  const atSign = named ? requireAtSign(named) : await services.settings.get('activeAtSign');
  if (!atSign || !(await services.identities.get(atSign)))
    throw new WalletError(ErrorCode.InvalidParams, 'Add an atSign to the wallet first.', { reason: 'unknown-atsign' });
  return atSign;
}

export const listPersonasHandler: Handler<'wallet_listPersonas'> = async ({ params }, services) =>
  listPersonas(await atSignOf(params?.atSign, services), services);

export const savePersonaHandler: Handler<'wallet_savePersona'> = async ({ params }, services) => {
  const atSign = await atSignOf(params.atSign, services);
  const { persona, changed } = await savePersona({ ...params, labels: params.labels ?? {}, atSign }, services);
  // Live data: each site hears only the changed fields it was granted.
  for (const grant of await services.grants.byPersona(persona.id)) {
    // A grant whose time is up gets nothing more, even before its alarm rings.
    if (grant.expiresAt !== null && grant.expiresAt <= services.now()) continue;
    const granted = changed.filter((field) => grant.fields.includes(field));
    if (granted.length === 0) continue;
    const values = Object.fromEntries(granted.map((field) => [field, persona.fields[field] ?? null]));
    await services.events.emit(grant.origin, 'profileChanged', values);
  }
  return persona;
};

export const deletePersonaHandler: Handler<'wallet_deletePersona'> = async ({ params }, services) => {
  const persona = await findPersona(params.id, services);
  if (!persona) throw new WalletError(ErrorCode.InvalidParams, 'That persona is not in this wallet.');
  const revoked = await services.grants.removeByPersona(persona.id);
  await services.personas.remove(persona.id);
  await announceRevoked(revoked, 'person', services);
  // Keep positions 0…n-1, so the list and a new persona's place agree.
  const rest = await services.personas.list(persona.atSign);
  await reorderPersonas(persona.atSign, rest.map((r) => r.id), services);
  return listPersonas(persona.atSign, services);
};

export const reorderPersonasHandler: Handler<'wallet_reorderPersonas'> = async ({ params }, services) => {
  const atSign = await atSignOf(params.atSign, services);
  await reorderPersonas(atSign, params.ids, services);
  return listPersonas(atSign, services);
};
