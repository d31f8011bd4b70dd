// A site's access: made when the person approves, ended on time, by the
// person, or by the site — and every end is told to the site at once.
import { DURATIONS, type ShareChoice } from '@/src/shared/approval';
import type { Grant } from '@/src/shared/grant';
import type { Services } from '../services';
import { announceRevoked } from './revoke';

export const EXPIRY_ALARM = 'grant-expiry';

/** The origin's grant if it is in force; one whose time is up is ended now and the site told. */
export async function currentGrant(origin: string, services: Services): Promise<Grant | null> {
  const grant = await services.grants.findActive(origin, services.now());
  if (!grant && (await services.grants.byOrigin(origin))) await expireDue(services);
  return grant;
}

/** Notes that the site's grant was used now, for the popup's "Last used". Never rejects. */
export async function noteUse(origin: string, services: Services): Promise<void> {
  try {
    const grant = await services.grants.byOrigin(origin);
    if (grant) await services.siteUse.note(grant.id, services.now());
  } catch (error) {
    console.error('atSign Wallet: "last used" could not be noted', error);
  }
}

/** Ends every grant whose time is up, tells each site, and sets the alarm for the next. */
export async function expireDue(services: Services): Promise<void> {
  const expired = await services.grants.removeExpired(services.now());
  await announceRevoked(expired, 'expired', services);
  await scheduleNextExpiry(services);
}

export async function scheduleNextExpiry(services: Services): Promise<void> {
  const next = await services.grants.nextExpiry();
  if (next === null) await services.alarms.clear(EXPIRY_ALARM);
  else await services.alarms.create(EXPIRY_ALARM, { when: Math.max(next, Date.now() + 1_000) });
}

/** The grant the person approved: only fields the site asked for, for the time the person chose. */
export function grantFrom(
  approval: ShareChoice,
  site: { origin: string; atSign: string; asked: string[] },
  now: number,
): Grant {
  const ms = DURATIONS.find((d) => d.value === approval.duration)!.ms;
  return {
    id: crypto.randomUUID(),
    origin: site.origin,
    atSign: site.atSign,
    personaId: approval.personaId,
    fields: approval.fields.filter((f) => site.asked.includes(f)),
    grantedAt: now,
    expiresAt: ms === null ? null : now + ms,
  };
}

/** Stores a lasting grant (not one for "only this time") and tells the site's tabs. */
export async function saveGrant(grant: Grant, services: Services): Promise<void> {
  if (grant.expiresAt !== null && grant.expiresAt <= grant.grantedAt) return;
  await services.grants.replace(grant);
  await scheduleNextExpiry(services);
  await services.events.emit(grant.origin, 'grantChanged', grant);
}
