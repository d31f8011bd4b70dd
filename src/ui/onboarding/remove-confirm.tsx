// Removing an atSign cannot be undone, so it is asked for twice — with the
// passphrase again, as for an export — and with the offer to export its keys
// first. An atSign added by approval stays with the app that approved this
// wallet, which still lists the wallet's key until the person revokes it
// there: the wallet cannot take its own approval back (the atServer answers
// an app that revokes itself with AT0031, "Cannot revoke self enrollment").
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
  /** added by approval from another app (APKAM enrollment) */
  enrolled: boolean;
  exportedFile: string | null;
  onExportFirst: () => void;
  onRemove: (passphrase: string) => Promise<void>;
  onCancel: () => void;
}

export function RemoveConfirm({ atSign, idPrefix, enrolled, exportedFile, onExportFirst, onRemove, onCancel }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, waitSeconds, submit } = useSubmit(onRemove);
  const textRef = useFocusOnMount<HTMLParagraphElement>();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (passphrase && waitSeconds === 0) void submit(passphrase);
  };

  return (
    <form class="inline-form inline-form--danger" onSubmit={onSubmit} aria-label={`Remove ${atSign}`}>
      <p ref={textRef} tabIndex={-1}>
        <strong>
          Remove <bdi>{atSign}</bdi> from this wallet?
        </strong>{' '}
        Sites you signed in to with it lose access at once.{' '}
        {enrolled ? 'Your other app keeps the atSign.' : 'The wallet keeps no other copy of its keys.'}
      </p>
      {exportedFile && <p class="note">Its keys were saved as {exportedFile}.</p>}
      {enrolled ? (
        <p class="note">
          That app still lists this wallet among the apps it approved for <bdi>{atSign}</bdi>: revoke this wallet’s
          access there too.
        </p>
      ) : (
        !exportedFile && <p class="note">If you have no .atKeys file for it, export one first.</p>
      )}
      <PassphraseInput
        id={`${idPrefix}-remove-passphrase`}
        label="Passphrase"
        value={passphrase}
        onInput={setPassphrase}
        autocomplete="current-password"
      />
      <FormAlert error={error} waitSeconds={waitSeconds} />
      <div class="actions">
        {!enrolled && (
          <button type="button" class="button button--secondary" onClick={onExportFirst} disabled={busy}>
            Export first
          </button>
        )}
        <button type="submit" class="button button--danger" disabled={busy || waitSeconds > 0}>
          Remove <bdi>{atSign}</bdi>
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      <FormStatus>{busy ? `Checking the passphrase and removing ${atSign}…` : ''}</FormStatus>
    </form>
  );
}
