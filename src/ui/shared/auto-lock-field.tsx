// How long the wallet stays unlocked while unused. Saved as soon as it changes.
import { AUTO_LOCK_CHOICES } from '../../shared/wallet-state';
import { FormAlert } from './form-alert';
import { FormStatus } from './form-status';
import type { AutoLockMinutes } from './use-wallet';
import { useSubmit } from './use-submit';
import { formatMinutes } from './words';

const isChoice = (minutes: number): minutes is AutoLockMinutes => (AUTO_LOCK_CHOICES as readonly number[]).includes(minutes);

export function AutoLockField({ minutes, onChange }: { minutes: number; onChange: (minutes: AutoLockMinutes) => Promise<void> }) {
  const { busy, error, submit } = useSubmit(onChange);
  // A value saved by an older version still shows as what it is.
  const choices: number[] = isChoice(minutes) ? [...AUTO_LOCK_CHOICES] : [...AUTO_LOCK_CHOICES, minutes].sort((a, b) => a - b);
  return (
    <div class="field">
      <label for="auto-lock">Lock after</label>
      <select
        id="auto-lock"
        class="input select"
        value={String(minutes)}
        disabled={busy}
        aria-describedby="auto-lock-hint"
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          if (isChoice(next)) void submit(next);
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {formatMinutes(choice)}
          </option>
        ))}
      </select>
      <p class="field__hint" id="auto-lock-hint">
        The wallet locks itself after this long without use. Closing the browser locks it too.
      </p>
      <FormAlert error={error} />
      <FormStatus>{busy ? 'Saving…' : ''}</FormStatus>
    </div>
  );
}
