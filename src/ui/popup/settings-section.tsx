// The "Settings" section: how soon the wallet locks itself, the atSigns it
// holds and how each stands with its atServer, the root it asks, and the way
// to the page where atSigns are added, exported or removed and the
// passphrase is changed. It renders what it is given.
import type { AtPlatformView } from '../../shared/methods/atplatform';
import type { WalletState } from '../../shared/wallet-state';
import { AutoLockField } from '../shared/auto-lock-field';
import type { Loadable } from '../shared/use-call';
import type { AutoLockMinutes } from '../shared/use-wallet';
import { AtPlatformSection } from './atplatform-section';
import type { AtPlatformActions } from './use-atplatform';

interface Props {
  wallet: WalletState;
  atPlatform: Loadable<AtPlatformView>;
  atPlatformActions: AtPlatformActions;
  now: number;
  onAutoLock: (minutes: AutoLockMinutes) => Promise<void>;
  onManage: () => void;
}

export function SettingsSection({ wallet, atPlatform, atPlatformActions, now, onAutoLock, onManage }: Props) {
  return (
    <section class="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <AutoLockField minutes={wallet.autoLockMinutes} onChange={onAutoLock} />
      <AtPlatformSection view={atPlatform} activeAtSign={wallet.activeAtSign} now={now} actions={atPlatformActions} />
      <button type="button" class="button button--secondary" onClick={onManage}>
        Add, export or remove atSigns; change the passphrase
      </button>
    </section>
  );
}
