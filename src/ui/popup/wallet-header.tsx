// The popup's header: the name, the active atSign, whether the wallet is
// locked, and the Lock button.
import type { WalletState } from '../../shared/wallet-state';
import { Brand } from '../shared/brand';
import { LockState } from '../shared/lock-state';
import { ActiveAtSign } from './active-atsign';

interface Props {
  wallet: WalletState | null;
  onSelect: (atSign: string) => Promise<void>;
  onLock: () => void;
}

export function WalletHeader({ wallet, onSelect, onLock }: Props) {
  return (
    <header class="app-header">
      <div class="app-header__row">
        <Brand />
        {wallet?.initialized && (
          <div class="app-header__end">
            <LockState unlocked={wallet.unlocked} />
            {wallet.unlocked && (
              <button type="button" class="button button--secondary button--small" onClick={onLock}>
                Lock
              </button>
            )}
          </div>
        )}
      </div>
      {wallet?.initialized && <ActiveAtSign wallet={wallet} onSelect={onSelect} />}
    </header>
  );
}
