// Step 1 of a new wallet: the passphrase that encrypts everything in it.
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { NewPassphraseFields } from './new-passphrase-fields';
import { useNewPassphrase } from './use-new-passphrase';

export function SetupForm({ onSetup }: { onSetup: (passphrase: string) => Promise<void> }) {
  const passphrase = useNewPassphrase();
  const { busy, error, submit } = useSubmit(onSetup);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (passphrase.check()) void submit(passphrase.value);
  };

  return (
    <section class="card step" aria-labelledby="setup-heading">
      <p class="step__count">Step 1 of 2</p>
      <h2 id="setup-heading">Set a passphrase</h2>
      <p class="lead">
        Your passphrase encrypts your keys on this device. Nobody can recover it for you — not atSign, not the
        makers of this wallet — so choose one you will remember.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <NewPassphraseFields idPrefix="setup" labels={['Passphrase', 'Confirm passphrase']} fields={passphrase.fields} />
        <FormAlert error={error} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            Set passphrase
          </button>
        </div>
        <FormStatus>{busy ? 'Securing your wallet…' : ''}</FormStatus>
      </form>
    </section>
  );
}
