// Add this wallet to an atSign the person already has: they type the atSign
// and a one-time code from an app that manages it; the wallet asks the
// atSign's atServer and then waits, saying so, until that app approves (or
// denies). No key file is needed, and nothing is kept unless it is approved.
import { useRef, useState } from 'preact/hooks';
import type { PendingEnrollmentView } from '../../shared/methods/atplatform';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { AtSignField } from './atsign-field';
import { displayAtSign } from '../shared/words';

interface Props {
  onRequest: (atSign: string, otp: string) => Promise<PendingEnrollmentView>;
  /** Resolves once approved (the page then shows what was added); rejects with the reason it was not. */
  onAwait: (atSign: string) => Promise<void>;
  onCancel: (atSign: string) => Promise<void>;
}

export function EnrollCard({ onRequest, onAwait, onCancel }: Props) {
  const [atSign, setAtSign] = useState('');
  const [otp, setOtp] = useState('');
  const [waiting, setWaiting] = useState<PendingEnrollmentView | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const request = useSubmit(async (typedAtSign: string, code: string) => {
    const pending = await onRequest(typedAtSign, code);
    setWaiting(pending);
    try {
      await onAwait(pending.atSign);
    } finally {
      setWaiting(null);
    }
  });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!(await request.submit(atSign.trim(), otp.trim()))) inputRef.current?.focus();
  };

  return (
    <div class="card choice">
      <form aria-labelledby="enroll-heading" onSubmit={onSubmit}>
        <h3 id="enroll-heading">Add this wallet to an atSign you have</h3>
        <p class="muted">
          Get a one-time code from an app that manages your atSign, then approve this wallet there. No key file needed.
        </p>
        <fieldset class="plain" disabled={request.busy}>
          <AtSignField id="enroll-atsign" value={atSign} onChange={setAtSign} inputRef={inputRef} />
          <div class="field">
            <label for="enroll-otp">One-time code</label>
            <input
              id="enroll-otp"
              class="input"
              type="text"
              value={otp}
              autocomplete="one-time-code"
              autocapitalize="characters"
              spellcheck={false}
              aria-describedby="enroll-otp-hint"
              onInput={(event) => setOtp(event.currentTarget.value)}
            />
            <p class="field__hint" id="enroll-otp-hint">
              Your other atSign app shows it, usually six letters and digits.
            </p>
          </div>
          <FormAlert error={request.error} />
          <div class="actions">
            <button type="submit" class="button">
              Ask to add this wallet
            </button>
          </div>
        </fieldset>
        <FormStatus>
          {request.busy && !waiting && <p>Asking the atServer of {displayAtSign(atSign.trim())}…</p>}
          {waiting && (
            <>
              <p>
                Waiting for approval in your other app. Approve the request from <strong>{waiting.deviceName}</strong> for{' '}
                {waiting.atSign}.
              </p>
              <progress class="progress" aria-label={`Waiting for approval of ${waiting.deviceName}`} />
            </>
          )}
        </FormStatus>
        {waiting && (
          <div class="actions">
            <button type="button" class="button button--secondary" onClick={() => void onCancel(waiting.atSign)}>
              Stop waiting
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
