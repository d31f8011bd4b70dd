// Reject and Approve, kept in view at the foot of the window, with what still
// stops Approve and anything the wallet refused. Reject is always there: the
// person may say no without unlocking anything.
import type { ApprovalAnswer } from '../../shared/approval';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import type { Submission } from '../shared/use-submit';

interface Props {
  answering: Submission<[ApprovalAnswer]>;
  /** given when the person can approve from here */
  approve?: { blocker: string | null; onApprove: () => void };
}

export function AnswerBar({ answering, approve }: Props) {
  const { busy, error, submit } = answering;
  const blocked = Boolean(approve?.blocker);
  return (
    <div class="answer-bar">
      {blocked && (
        <p id="approve-blocker" class="answer-bar__blocker">
          {approve?.blocker}
        </p>
      )}
      <FormAlert error={error} />
      <div class="answer-bar__buttons">
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => void submit({ approve: false })}>
          Reject
        </button>
        {approve && (
          <button
            type="button"
            class="button"
            disabled={busy || blocked}
            aria-describedby={blocked ? 'approve-blocker' : undefined}
            onClick={approve.onApprove}
          >
            Approve
          </button>
        )}
      </div>
      <FormStatus>{busy ? 'Sending your answer…' : ''}</FormStatus>
    </div>
  );
}
