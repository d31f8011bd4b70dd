// One atSign in "Your atSigns": its fingerprints, and what can be done with
// it. Which inline form is open is this row's own business.
import { useState } from 'preact/hooks';
import type { IdentitySummary } from '../../shared/wallet-state';
import { Fingerprint } from '../shared/fingerprint';
import { FormAlert } from '../shared/form-alert';
import { useSubmit } from '../shared/use-submit';
import { formatTime } from '../shared/words';
import { ExportForm } from './export-form';
import { RemoveConfirm } from './remove-confirm';

export interface IdentityActions {
  onMakeActive: (atSign: string) => Promise<void>;
  /** resolves to the name of the downloaded file */
  onExport: (atSign: string, passphrase: string) => Promise<string>;
  onRemove: (atSign: string, passphrase: string) => Promise<void>;
}

type Open = { form: 'none' } | { form: 'export'; thenRemove: boolean } | { form: 'remove' };

interface Props extends IdentityActions {
  identity: IdentitySummary;
  index: number;
  active: boolean;
  justAdded: boolean;
}

export function IdentityItem({ identity, index, active, justAdded, onMakeActive, onExport, onRemove }: Props) {
  const [open, setOpen] = useState<Open>({ form: 'none' });
  const [exportedFile, setExportedFile] = useState<string | null>(null);
  const { atSign } = identity;
  const activate = useSubmit(onMakeActive);
  const headingId = `identity-${index}`;

  const exportNow = async (passphrase: string) => {
    setExportedFile(await onExport(atSign, passphrase));
    setOpen(open.form === 'export' && open.thenRemove ? { form: 'remove' } : { form: 'none' });
  };

  return (
    <li class={justAdded ? 'identity identity--new' : 'identity'}>
      <article aria-labelledby={headingId}>
        <header class="identity__head">
          <h3 id={headingId} class="identity__name">
            {atSign}
          </h3>
          {active && <span class="badge">Active</span>}
        </header>
        <dl class="facts">
          <dt>Encryption key fingerprint</dt>
          <dd>
            <Fingerprint hex={identity.fingerprint} kind="encryption" />
          </dd>
          <dt>PKAM key fingerprint</dt>
          <dd>
            <Fingerprint hex={identity.pkamFingerprint} kind="pkam" />
          </dd>
          <dt>{{ created: 'Created', imported: 'Imported', enrolled: 'Added by approval', activated: 'Activated' }[identity.source]}</dt>
          <dd>
            <time dateTime={new Date(identity.addedAt).toISOString()}>{formatTime(identity.addedAt)}</time>
          </dd>
        </dl>
        {exportedFile && open.form === 'none' && (
          <p class="note" role="status">
            Saved as {exportedFile} in your downloads.
          </p>
        )}
        {open.form === 'none' && <FormAlert error={activate.error} />}
        {open.form === 'none' && (
          <div class="actions">
            {!active && (
              <button
                type="button"
                class="button button--secondary"
                disabled={activate.busy}
                onClick={() => void activate.submit(atSign)}
              >
                Make active
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={() => setOpen({ form: 'export', thenRemove: false })}>
              Export
            </button>
            <button type="button" class="button button--secondary" onClick={() => setOpen({ form: 'remove' })}>
              Remove
            </button>
          </div>
        )}
        {open.form === 'export' && (
          <ExportForm atSign={atSign} idPrefix={headingId} onExport={exportNow} onCancel={() => setOpen({ form: 'none' })} />
        )}
        {open.form === 'remove' && (
          <RemoveConfirm
            atSign={atSign}
            idPrefix={headingId}
            enrolled={identity.source === 'enrolled'}
            exportedFile={exportedFile}
            onExportFirst={() => setOpen({ form: 'export', thenRemove: true })}
            onRemove={(passphrase) => onRemove(atSign, passphrase)}
            onCancel={() => setOpen({ form: 'none' })}
          />
        )}
      </article>
    </li>
  );
}
