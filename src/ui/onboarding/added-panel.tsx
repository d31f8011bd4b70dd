// Shown once an atSign is in the wallet: what happened and where to go next.
import type { IdentitySummary } from '../../shared/wallet-state';
import { useFocusOnMount } from '../shared/use-focus-on-mount';

interface Props {
  identity: IdentitySummary;
  onAddAnother: () => void;
  onDone: () => void;
}

export function AddedPanel({ identity, onAddAnother, onDone }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const how = {
    created: 'created',
    imported: 'imported',
    enrolled: 'given to this wallet by your other app',
    activated: 'made here and registered on its atServer',
  }[identity.source];
  return (
    <div class="card added">
      <h2 id="add-heading" ref={headingRef} tabIndex={-1}>
        {identity.atSign} is in your wallet
      </h2>
      <p>
        Its keys were {how} and are encrypted with your passphrase. Check its fingerprints under “Your atSigns” against
        the ones your other atSign apps show.
      </p>
      {(identity.source === 'activated' || identity.source === 'created') && (
        <p>
          <strong>Its keys exist only in this wallet.</strong> Export a copy under “Your atSigns” now and keep it somewhere
          safe: without it, losing this browser loses the atSign.
        </p>
      )}
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={onAddAnother}>
          Add another
        </button>
        <button type="button" class="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
