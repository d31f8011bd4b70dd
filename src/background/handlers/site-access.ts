// The page methods that give, read and end a site's access to a persona.
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { currentGrant, grantFrom, saveGrant } from '../grants/grants';
import { announceRevoked } from '../grants/revoke';
import { fieldsNamed } from '../approvals/consent';
import { findPersona, valuesOf } from '../personas/personas';
import type { Handler } from './types';

export const connect: Handler<'atsign_connect'> = async ({ caller, params, approval }, services) => {
  const persona = await findPersona(approval.personaId, services);
  if (!persona) throw new WalletError(ErrorCode.Internal, 'The chosen persona is gone.');
  const grant = grantFrom(approval, { origin: caller.origin, atSign: persona.atSign, asked: fieldsNamed(params) }, services.now());
  await saveGrant(grant, services);
  return {
    atSign: persona.atSign,
    persona: { id: persona.id, name: persona.name },
    grant,
    profile: valuesOf(persona, grant.fields),
  };
};

export const readProfile: Handler<'atsign_readProfile'> = async ({ params, grant }, services) => {
  const wanted = params?.fields ?? grant.fields;
  const refused = wanted.filter((f) => !grant.fields.includes(f));
  if (refused.length) throw new WalletError(ErrorCode.Unauthorized, `Not granted: ${refused.join(', ')}`);
  const persona = await findPersona(grant.personaId, services);
  return persona ? valuesOf(persona, wanted) : {};
};

export const disconnect: Handler<'atsign_disconnect'> = async ({ caller }, services) => {
  if (!(await currentGrant(caller.origin, services))) return null;
  const removed = await services.grants.removeByOrigin(caller.origin);
  await announceRevoked(removed, 'site', services);
  return null;
};
