// Which atSign sites see: a choice when there are several, a name when one.
import type { WalletState } from '../../shared/wallet-state';
import { FormAlert } from '../shared/form-alert';
import { useSubmit } from '../shared/use-submit';

interface Props {
  wallet: WalletState;
  onSelect: (atSign: string) => Promise<void>;
}

export function ActiveAtSign({ wallet, onSelect }: Props) {
  const { busy, error, submit } = useSubmit(onSelect);
  const { identities, activeAtSign, unlocked } = wallet;
  if (unlocked && identities.length > 1) {
    return (
      <div class="active-atsign">
        <label for="active-atsign">Active atSign</label>
        <select
          id="active-atsign"
          class="input select"
          value={activeAtSign ?? ''}
          disabled={busy}
          onChange={(event) => void submit(event.currentTarget.value)}
        >
          {activeAtSign === null && <option value="">Choose one</option>}
          {identities.map(({ atSign }) => (
            <option key={atSign} value={atSign}>
              {atSign}
            </option>
          ))}
        </select>
        <FormAlert error={error} />
      </div>
    );
  }
  if (!activeAtSign) return null;
  return (
    <p class="active-atsign">
      <span class="active-atsign__label">Active atSign</span>
      <span class="active-atsign__name">{activeAtSign}</span>
    </p>
  );
}
