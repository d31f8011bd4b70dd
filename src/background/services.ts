// The small services handlers get passed in, so each handler can be tested
// with fakes and nothing reaches for a global.
import type { ActivityLog } from './activity/activity-log';
import type { Approvals } from './approvals/approvals';
import type { Enrollments } from './atplatform/enrollments';
import type { AtServerLinks } from './atplatform/links';
import type { GrantsRepo } from './db/grants-repo';
import type { PersonasRepo } from './db/personas-repo';
import type { SyncRepo } from './db/sync-repo';
import type { PersonaSync } from './sync/persona-sync';
import type { FrameRegistry } from './events/frames';
import type { SiteEvents } from './events/events';
import type { IdentitiesRepo } from './db/identities-repo';
import type { SettingsRepo } from './db/settings-repo';
import type { SiteUseRepo } from './db/site-use-repo';
import type { AlarmsArea, AutoLock } from './vault/auto-lock';
import type { Vault } from './vault/vault';

export interface Services {
  grants: GrantsRepo;
  identities: IdentitiesRepo;
  personas: PersonasRepo;
  frames: FrameRegistry;
  events: SiteEvents;
  settings: SettingsRepo;
  vault: Vault;
  autoLock: AutoLock;
  approvals: Approvals;
  activity: ActivityLog;
  siteUse: SiteUseRepo;
  /** The connections to the atSigns' atServers, open while the wallet is unlocked. */
  links: AtServerLinks;
  /** Where each atSign's personas stand with its atServer. */
  syncState: SyncRepo;
  /** Personas to and from the atServers, over the links. */
  sync: PersonaSync;
  /** Requests to add this wallet to an atSign, waiting for approval. */
  enrollments: Enrollments;
  alarms: AlarmsArea;
  /** ms since epoch */
  now: () => number;
}
