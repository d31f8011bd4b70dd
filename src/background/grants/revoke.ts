// Telling sites their access ended. Every path that removes a grant — the
// person, the site, expiry, a deleted persona or atSign — ends here, so each
// open tab of that origin hears it the same way.
import type { Grant } from '@/src/shared/grant';
import type { Services } from '../services';

export type RevokeReason = 'person' | 'expired' | 'site';

const LOGGED_AS = { person: 'revoke', expired: 'expire', site: 'disconnect' } as const;

export async function announceRevoked(grants: Grant[], reason: RevokeReason, { events, activity, siteUse }: Services): Promise<void> {
  await siteUse.forget(grants.map((grant) => grant.id));
  await Promise.all(
    grants.map(async (grant) => {
      await activity.record(LOGGED_AS[reason], grant.origin, grant.fields);
      await events.emit(grant.origin, 'revoked', { grantId: grant.id, reason });
      await events.emit(grant.origin, 'grantChanged', null);
    }),
  );
}
