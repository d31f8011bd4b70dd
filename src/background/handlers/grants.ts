// The person managing sites' access from the popup.
import { DURATIONS } from '@/src/shared/approval';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { SiteAccess } from '@/src/shared/grant';
import { currentGrant, saveGrant } from '../grants/grants';
import { announceRevoked } from '../grants/revoke';
import { findPersona } from '../personas/personas';
import type { Services } from '../services';
import type { Handler } from './types';

async function revoke(origin: string, services: Services) {
  const removed = await services.grants.removeByOrigin(origin);
  await announceRevoked(removed, 'person', services);
}

/** Every grant, with when its site last used it. */
async function siteList({ grants, siteUse }: Services): Promise<SiteAccess[]> {
  const [list, used] = await Promise.all([grants.list(), siteUse.all()]);
  return list.map((grant) => ({ ...grant, lastUsedAt: used.get(grant.id) ?? null }));
}

export const listGrants: Handler<'wallet_listGrants'> = async (_ctx, services) => siteList(services);

export const revokeGrant: Handler<'wallet_revokeGrant'> = async ({ params }, services) => {
  await revoke(params.origin, services);
  return siteList(services);
};

export const updateGrant: Handler<'wallet_updateGrant'> = async ({ params }, services) => {
  // A grant past its time is over, even before it is swept: it cannot be brought back here.
  const grant = await currentGrant(params.origin, services);
  if (!grant) throw new WalletError(ErrorCode.InvalidParams, 'That site has no access.', { reason: 'unknown-grant' });
  const fields = grant.fields.filter((f) => f !== params.removeField);
  // Taking away the last field is taking away access. A grant that never had
  // fields (made by a sign-in) is not ended by changing its persona or time.
  if (grant.fields.length > 0 && fields.length === 0) {
    await revoke(params.origin, services);
    return siteList(services);
  }
  let personaId = grant.personaId;
  if (params.personaId) {
    const persona = await findPersona(params.personaId, services);
    if (!persona || persona.atSign !== grant.atSign)
      throw new WalletError(ErrorCode.InvalidParams, 'Choose one of the personas of that atSign.');
    personaId = persona.id;
  }
  let expiresAt = grant.expiresAt;
  if (params.duration) {
    const ms = DURATIONS.find((d) => d.value === params.duration)!.ms;
    expiresAt = ms === null ? null : services.now() + ms;
  }
  const updated = { ...grant, fields, personaId, expiresAt };
  // "Keep me signed in" never outlasts the grant: a shorter time shortens it too.
  if (updated.signInKeptUntil !== undefined && expiresAt !== null && expiresAt < updated.signInKeptUntil)
    updated.signInKeptUntil = expiresAt;
  await saveGrant(updated, services);
  if (params.removeField) await services.activity.record('revoke', grant.origin, [params.removeField]);
  return siteList(services);
};
