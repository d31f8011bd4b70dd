// Changes the passphrase; the keys are encrypted again under the new one.
import { useState } from 'preact/hooks';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { PassphraseInput } from '../shared/passphrase-input';
import { useSubmit } from '../shared/use-submit';
import { NewPassphraseFields } from './new-passphrase-fields';
import { useNewPassphrase } from './use-new-passphrase';

export function ChangePassphraseForm({ onChange }: { onChange: (current: string, next: string) => Promise<void> }) {
  const [current, setCurrent] = useState('');
  const [changed, setChanged] = useState(false);
  const next = useNewPassphrase();
  const { busy, error, waitSeconds, submit } = useSubmit(onChange);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setChanged(false);
    if (!next.check() || !current || waitSeconds > 0) return;
    if (await submit(current, next.value)) {
      setCurrent('');
      next.reset();
      setChanged(true);
    }
  };

  return (
    <form class="card" aria-labelledby="change-heading" onSubmit={onSubmit} noValidate>
      <h3 id="change-heading">Change passphrase</h3>
      <PassphraseInput
        id="change-current"
        label="Current passphrase"
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
      />
      <NewPassphraseFields idPrefix="change" labels={['New passphrase', 'Confirm new passphrase']} fields={next.fields} />
      <FormAlert error={error} waitSeconds={waitSeconds} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy || waitSeconds > 0}>
          Change passphrase
        </button>
      </div>
      <FormStatus>
        {busy ? 'Encrypting your keys again…' : changed ? 'Your passphrase is changed. Use the new one from now on.' : ''}
      </FormStatus>
    </form>
  );
}
