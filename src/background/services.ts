// The small services handlers get passed in, so each handler can be tested
// with fakes and nothing reaches for a global.
import type { GrantsRepo } from './db/grants-repo';

export interface Services {
  grants: GrantsRepo;
  /** ms since epoch */
  now: () => number;
}
