// The "Settings" section: how soon the wallet locks itself, the atSigns it
// holds, and the way to the page where atSigns are added, exported or
// removed and the passphrase is changed. It renders what it is given.
import type { WalletState } from '../../shared/wallet-state';
import { AutoLockField } from '../shared/auto-lock-field';
import type { AutoLockMinutes } from '../shared/use-wallet';

interface Props {
  wallet: WalletState;
  onAutoLock: (minutes: AutoLockMinutes) => Promise<void>;
  onManage: () => void;
}

export function SettingsSection({ wallet, onAutoLock, onManage }: Props) {
  return (
    <section class="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <AutoLockField minutes={wallet.autoLockMinutes} onChange={onAutoLock} />
      <h3 id="settings-atsigns">atSigns in this wallet</h3>
      <ul class="settings-atsigns" aria-labelledby="settings-atsigns">
        {wallet.identities.map((identity) => (
          <li key={identity.atSign}>
            <span class="settings-atsigns__name">{identity.atSign}</span>
            {identity.atSign === wallet.activeAtSign && <span class="settings-atsigns__active"> (active)</span>}
          </li>
        ))}
      </ul>
      <button type="button" class="button button--secondary" onClick={onManage}>
        Add, export or remove atSigns; change the passphrase
      </button>
    </section>
  );
}
