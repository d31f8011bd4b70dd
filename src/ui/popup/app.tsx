// The popup: the person's control room. This is the one component that talks
// to the background; everything below it renders what it is handed.
import { LoadStatus } from '../shared/load-status';
import { openOnboarding } from '../shared/open-onboarding';
import { openPersonas } from '../shared/open-personas';
import { UnlockForm } from '../shared/unlock-form';
import { useCall } from '../shared/use-call';
import { usePersonas } from '../shared/use-personas';
import { useWallet } from '../shared/use-wallet';
import { EmptyState } from './empty-state';
import { PersonasSection } from './personas-section';
import { SitesSection } from './sites-section';
import { WalletHeader } from './wallet-header';

export function App() {
  const { state, reload, actions } = useWallet();
  const [grants, reloadGrants] = useCall('wallet_listGrants');
  const wallet = state.status === 'ready' ? state.value : null;
  const personas = usePersonas(wallet?.unlocked ? wallet.activeAtSign : null);
  const onboard = () => void openOnboarding();

  let body;
  if (!wallet) {
    body = <LoadStatus error={state.status === 'error' ? state.message : undefined} onRetry={() => void reload()} />;
  } else if (wallet.initialized && !wallet.unlocked) {
    body = <UnlockForm onUnlock={actions.unlock} />;
  } else if (!wallet.initialized || wallet.identities.length === 0) {
    body = <EmptyState initialized={wallet.initialized} onOpenOnboarding={onboard} />;
  } else {
    body = (
      <>
        <SitesSection grants={grants} now={Date.now()} onRetry={reloadGrants} />
        {wallet.activeAtSign && (
          <PersonasSection personas={personas.personas} onRetry={personas.reload} onEdit={() => void openPersonas()} />
        )}
        <p class="popup-footer">
          <button type="button" class="link-button" onClick={onboard}>
            Manage atSigns and security
          </button>
        </p>
      </>
    );
  }

  return (
    <>
      <WalletHeader wallet={wallet} onSelect={actions.setActiveAtSign} onLock={() => void actions.lock().catch(reload)} />
      <main>{body}</main>
    </>
  );
}
