// The persona page's header: the name, whether the wallet is locked, and a
// way to lock it.
import type { WalletState } from '../../shared/wallet-state';
import { Brand } from '../shared/brand';
import { LockState } from '../shared/lock-state';

export function PageHeader({ wallet, onLock }: { wallet: WalletState | null; onLock: () => void }) {
  return (
    <header class="app-header page-header personas-header">
      <Brand />
      {wallet?.initialized && (
        <div class="app-header__end">
          <LockState unlocked={wallet.unlocked} />
          {wallet.unlocked && (
            <button type="button" class="button button--secondary" onClick={onLock}>
              Lock
            </button>
          )}
        </div>
      )}
    </header>
  );
}
