import { ErrorCode, WalletError } from '@/src/shared/errors';
import { requireAtSign } from '../identities/key-errors';
import { announceFieldChanges, endGrantsOf } from '../personas/announce';
import { findPersona, listPersonas, reorderPersonas, savePersona, sendToAtServer } from '../personas/personas';
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
  await announceFieldChanges(persona, changed, services);
  return persona;
};

export const deletePersonaHandler: Handler<'wallet_deletePersona'> = async ({ params }, services) => {
  const persona = await findPersona(params.id, services);
  if (!persona) throw new WalletError(ErrorCode.InvalidParams, 'That persona is not in this wallet.');
  await services.personas.remove(persona.id);
  await endGrantsOf(persona.id, services);
  // Keep positions 0…n-1, so the list and a new persona's place agree.
  const rest = await services.personas.list(persona.atSign);
  await reorderPersonas(persona.atSign, rest.map((r) => r.id), services);
  sendToAtServer(persona.atSign, services);
  return listPersonas(persona.atSign, services);
};

export const reorderPersonasHandler: Handler<'wallet_reorderPersonas'> = async ({ params }, services) => {
  const atSign = await atSignOf(params.atSign, services);
  await reorderPersonas(atSign, params.ids, services);
  return listPersonas(atSign, services);
};
