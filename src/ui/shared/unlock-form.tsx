// Unlocks the wallet. Used by the popup and the onboarding page alike; the
// page hands in what unlocking means.
import { useState } from 'preact/hooks';
import { FormAlert } from './form-alert';
import { FormStatus } from './form-status';
import { PassphraseInput } from './passphrase-input';
import { useFocusOnMount } from './use-focus-on-mount';
import { useSubmit } from './use-submit';

export function UnlockForm({ onUnlock }: { onUnlock: (passphrase: string) => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, waitSeconds, submit } = useSubmit(onUnlock);
  const inputRef = useFocusOnMount<HTMLInputElement>();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!passphrase || waitSeconds > 0) return;
    if (!(await submit(passphrase))) inputRef.current?.select();
  };

  return (
    <form class="card unlock" aria-labelledby="unlock-heading" onSubmit={onSubmit}>
      <h2 id="unlock-heading">Your wallet is locked</h2>
      <p class="muted">Enter your passphrase to use your atSigns.</p>
      <PassphraseInput
        id="unlock-passphrase"
        label="Passphrase"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        inputRef={inputRef}
      />
      <FormAlert error={error} waitSeconds={waitSeconds} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy || waitSeconds > 0}>
          Unlock
        </button>
      </div>
      <FormStatus>{busy ? 'Unlocking…' : ''}</FormStatus>
    </form>
  );
}
