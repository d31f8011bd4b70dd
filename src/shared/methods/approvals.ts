// Methods for the wallet's own pages: grants, and the approval window's
// questions to the person.
import { ACTIVITY_KINDS, type ActivityEntry } from '../activity';
import type { ApprovalAnswer, ApprovalView, QuietSite } from '../approval';
import type { SiteAccess } from '../grant';
import { FIELD_NAME, MAX_PICTURE_LENGTH } from '../profile-fields';
import * as s from '../schema';
import { fieldList, fieldName, personaId, requestId } from './params';

const share = {
  personaId,
  fields: fieldList,
  duration: s.literal('once', 'hour', 'day', 'month', 'forever'),
  fill: s.optional(s.record(FIELD_NAME, s.string({ max: MAX_PICTURE_LENGTH }), { max: 40 })),
};

const answer: s.Schema<ApprovalAnswer> = s.union(
  s.object({ approve: s.literal(false), quiet: s.optional(s.literal(true, false)) }),
  s.union(
    s.object({ approve: s.literal(true), keepSignedIn: s.literal(true, false), share: s.optional(s.object(share)) }),
    s.object({ approve: s.literal(true), ...share }),
  ),
);

export const approvalMethods = {
  /** Every grant, for the permission manager. */
  wallet_listGrants: {
    caller: 'ui',
    permission: 'none',
    params: s.none(),
    result: s.type<SiteAccess[]>(),
  },
  /** Ends a site's access now; its open tabs hear revoked (reason 'person'). */
  wallet_revokeGrant: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ origin: s.string({ min: 1, max: 300 }) }),
    result: s.type<SiteAccess[]>(),
  },
  /** Narrows or moves a site's grant: drop one field, switch persona, change how long. */
  wallet_updateGrant: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({
      origin: s.string({ min: 1, max: 300 }),
      removeField: s.optional(fieldName),
      personaId: s.optional(personaId),
      duration: s.optional(s.literal('hour', 'day', 'month', 'forever')),
    }),
    result: s.type<SiteAccess[]>(),
  },
  /** Sites the person asked not to ask again for a while: their requests get 4001 with no window. */
  wallet_listQuietSites: {
    caller: 'ui',
    permission: 'none',
    params: s.none(),
    result: s.type<QuietSite[]>(),
  },
  /** Lets a quieted site ask again at once. */
  wallet_askAgain: {
    caller: 'ui',
    permission: 'none',
    params: s.object({ origin: s.string({ min: 1, max: 300 }) }),
    result: s.type<QuietSite[]>(),
  },
  /** The activity log, newest first, a page at a time. */
  wallet_listActivity: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.optional(
      s.object({
        before: s.optional(s.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        limit: s.optional(s.integer({ min: 1, max: 500 })),
        kind: s.optional(s.literal(...ACTIVITY_KINDS)),
        origin: s.optional(s.string({ max: 300 })),
      }),
    ),
    result: s.type<{ entries: ActivityEntry[]; nextBefore: number | null }>(),
  },
  /** The waiting request an approval window was opened for. */
  wallet_getApproval: {
    caller: 'ui',
    permission: 'none',
    passive: true,
    params: s.object({ id: requestId }),
    result: s.type<ApprovalView>(),
  },
  /** The person's answer; approving needs the wallet unlocked. */
  wallet_answerApproval: {
    caller: 'ui',
    permission: 'none',
    params: s.object({ id: requestId, answer }),
    result: s.type<null>(),
  },
} as const;
