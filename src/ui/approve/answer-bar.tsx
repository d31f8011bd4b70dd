// Reject and Approve, kept in view at the foot of the window, with what still
// stops Approve and anything the wallet refused. Reject is always there: the
// person may say no without unlocking anything, and say "not today" to a site
// that keeps asking (it then gets 4001 with no window for a day; the popup's
// Sites tab undoes it). Until the window has been in
// front of the person for a moment, both say they are waiting and do nothing.
import { useContext } from 'preact/hooks';
import type { ApprovalAnswer } from '../../shared/approval';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import type { Submission } from '../shared/use-submit';
import { AnswersReady } from './answers-ready';

interface Props {
  answering: Submission<[ApprovalAnswer]>;
  /** given when the person can approve from here */
  approve?: { blocker: string | null; onApprove: () => void };
}

export function AnswerBar({ answering, approve }: Props) {
  const { busy, error, submit } = answering;
  const blocked = Boolean(approve?.blocker);
  const ready = useContext(AnswersReady);
  // aria-disabled, not disabled: a focused button keeps its focus while it waits.
  const waiting = ready ? {} : { 'aria-disabled': 'true' as const, 'aria-describedby': 'answers-waiting' };
  return (
    <div class={`answer-bar${ready ? '' : ' answer-bar--waiting'}`}>
      {!ready && (
        <p id="answers-waiting" class="answer-bar__waiting" role="status">
          The buttons work once this window has been in front of you for a moment.
        </p>
      )}
      {blocked && (
        <p id="approve-blocker" class="answer-bar__blocker">
          {approve?.blocker}
        </p>
      )}
      <FormAlert error={error} />
      <div class="answer-bar__buttons">
        <button
          type="button"
          class="button button--secondary answer-bar__quiet"
          disabled={busy}
          {...waiting}
          title="Reject, and refuse this site’s requests without asking you until tomorrow"
          onClick={() => void submit({ approve: false, quiet: true })}
        >
          Don’t ask again today
        </button>
        <button type="button" class="button button--secondary" disabled={busy} {...waiting} onClick={() => void submit({ approve: false })}>
          Reject
        </button>
        {approve && (
          <button
            type="button"
            class="button"
            disabled={busy || blocked}
            aria-describedby={blocked ? 'approve-blocker' : undefined}
            {...waiting}
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
