// Sites the person asked not to ask again for a while ("Don't ask again
// today" in the approval window). While it holds, such a site's requests that
// would open a window are refused at once with 4001 — no window — and each
// refusal is in the activity log; the popup's Sites tab lets the person undo
// it. Kept as a setting: origin → until, as grants keep origins.
import { QUIET_MS, type QuietSite } from '@/src/shared/approval';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { Services } from '../services';

type Deps = Pick<Services, 'settings' | 'now'>;

const asSetting = (sites: QuietSite[]) => Object.fromEntries(sites.map(({ origin, until }) => [origin, until]));

/** The quieted sites whose time has not run out, soonest to end first. */
export async function listQuietSites({ settings, now }: Deps): Promise<QuietSite[]> {
  const quiet = await settings.get('quietSites');
  return Object.entries(quiet)
    .filter(([, until]) => until > now())
    .map(([origin, until]) => ({ origin, until }))
    .sort((a, b) => a.until - b.until);
}

/** The person said "Don't ask again today" to a request from `origin`. */
export async function quietSite(origin: string, services: Deps): Promise<void> {
  // Ended ones are dropped whenever the list is written.
  const kept = asSetting(await listQuietSites(services));
  await services.settings.set('quietSites', { ...kept, [origin]: services.now() + QUIET_MS });
}

export async function askAgain(origin: string, services: Deps): Promise<QuietSite[]> {
  const rest = (await listQuietSites(services)).filter((site) => site.origin !== origin);
  await services.settings.set('quietSites', asSetting(rest));
  return rest;
}

/** Refuses, 4001 and logged, a request that would ask the person, when its site was quieted. */
export async function refuseIfQuiet(origin: string, fields: string[], services: Services): Promise<void> {
  const until = (await services.settings.get('quietSites'))[origin];
  if (until === undefined || until <= services.now()) return;
  await services.activity.record('quieted', origin, fields);
  throw new WalletError(ErrorCode.UserRejected, 'The person asked not to be asked again for a while.');
}
