// The popup: the person's control room. This is the one component that talks
// to the background; everything below it renders what it is handed.
import { SitesSection } from './sites-section';
import { useCall } from './use-call';

export function App() {
  const [grants, reloadGrants] = useCall('wallet_listGrants');
  return (
    <>
      <header class="app-header">
        <span class="logo" aria-hidden="true">
          @
        </span>
        <h1>atSign Wallet</h1>
      </header>
      <main>
        <SitesSection grants={grants} now={Date.now()} onRetry={reloadGrants} />
      </main>
    </>
  );
}
