// The header of the wallet's full-tab pages (onboarding, personas): the name,
// whether the wallet is locked, and a way to lock it.
import type { WalletState } from '../../shared/wallet-state';
import { Brand } from './brand';
import { LockState } from './lock-state';

interface Props {
  wallet: WalletState | null;
  onLock: () => void;
  /** a page's own extra class on the header */
  variant?: string;
}

export function PageHeader({ wallet, onLock, variant }: Props) {
  return (
    <header class={variant ? `app-header page-header ${variant}` : 'app-header page-header'}>
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
