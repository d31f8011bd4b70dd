// Where a form says what went wrong. The alert region is always there, so a
// screen reader announces a message the moment it appears; the countdown sits
// outside it, so it is not read out every second.
import type { FormError } from './form-error';
import { formatWait } from './words';

export function FormAlert({ error, waitSeconds = 0 }: { error: FormError | null; waitSeconds?: number }) {
  return (
    <>
      <div role="alert" class="form-alert">
        {error && <p class="alert">{error.message}</p>}
      </div>
      {waitSeconds > 0 && <p class="form-wait">You can try again in {formatWait(waitSeconds)}.</p>}
    </>
  );
}
