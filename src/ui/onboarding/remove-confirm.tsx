// Removing an atSign cannot be undone, so it is asked for twice, with the
// offer to export its keys first.
import { FormAlert } from '../shared/form-alert';
import { useFocusOnMount } from '../shared/use-focus-on-mount';
import { useSubmit } from '../shared/use-submit';

interface Props {
  atSign: string;
  exportedFile: string | null;
  onExportFirst: () => void;
  onRemove: () => Promise<void>;
  onCancel: () => void;
}

export function RemoveConfirm({ atSign, exportedFile, onExportFirst, onRemove, onCancel }: Props) {
  const { busy, error, submit } = useSubmit(onRemove);
  const textRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div class="inline-form inline-form--danger">
      <p ref={textRef} tabIndex={-1}>
        <strong>
          Remove <bdi>{atSign}</bdi> from this wallet?
        </strong>{' '}
        Sites you signed in to with it lose access at once. The wallet
        keeps no other copy of its keys.
      </p>
      {exportedFile ? (
        <p class="note">Its keys were saved as {exportedFile}.</p>
      ) : (
        <p class="note">If you have no .atKeys file for it, export one first.</p>
      )}
      <FormAlert error={error} />
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={onExportFirst} disabled={busy}>
          Export first
        </button>
        <button type="button" class="button button--danger" onClick={() => void submit()} disabled={busy}>
          Remove <bdi>{atSign}</bdi>
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
