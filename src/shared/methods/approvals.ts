// Methods for the wallet's own pages: grants, and the approval window's
// questions to the person.
import type { ApprovalAnswer, ApprovalView } from '../approval';
import type { Grant } from '../grant';
import { FIELD_NAME, MAX_PICTURE_LENGTH } from '../profile-fields';
import * as s from '../schema';
import { fieldList, personaId, requestId } from './params';

const answer: s.Schema<ApprovalAnswer> = s.union(
  s.object({ approve: s.literal(false) }),
  s.object({
    approve: s.literal(true),
    personaId,
    fields: fieldList,
    duration: s.literal('once', 'hour', 'day', 'month', 'forever'),
    fill: s.optional(s.record(FIELD_NAME, s.string({ max: MAX_PICTURE_LENGTH }), { max: 40 })),
  }),
);

export const approvalMethods = {
  /** Every grant, for the permission manager. */
  wallet_listGrants: {
    caller: 'ui',
    permission: 'none',
    params: s.none(),
    result: s.type<Grant[]>(),
  },
  /** The waiting request an approval window was opened for. */
  wallet_getApproval: {
    caller: 'ui',
    permission: 'none',
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
