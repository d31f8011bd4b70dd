// Asks for the passphrase again before an atSign's keys leave the wallet.
import { useState } from 'preact/hooks';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { PassphraseInput } from '../shared/passphrase-input';
import { useFocusOnMount } from '../shared/use-focus-on-mount';
import { useSubmit } from '../shared/use-submit';

interface Props {
  atSign: string;
  /** idPrefix keeps field ids unique when several atSigns are listed */
  idPrefix: string;
  onExport: (passphrase: string) => Promise<void>;
  onCancel: () => void;
}

export function ExportForm({ atSign, idPrefix, onExport, onCancel }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, waitSeconds, submit } = useSubmit(onExport);
  const inputRef = useFocusOnMount<HTMLInputElement>();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (passphrase && waitSeconds === 0) void submit(passphrase);
  };

  return (
    <form class="inline-form" onSubmit={onSubmit} aria-label={`Export ${atSign}`}>
      <p>
        The file holds <bdi>{atSign}</bdi>’s keys. Anyone who has it can act as <bdi>{atSign}</bdi>, so keep it somewhere
        safe.
      </p>
      <PassphraseInput
        id={`${idPrefix}-export-passphrase`}
        label="Passphrase"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
        inputRef={inputRef}
      />
      <FormAlert error={error} waitSeconds={waitSeconds} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy || waitSeconds > 0}>
          Export file
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormStatus>{busy ? 'Preparing the file…' : ''}</FormStatus>
    </form>
  );
}
