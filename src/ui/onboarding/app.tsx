// The onboarding page: set a passphrase, add atSigns, manage them. This is
// the one component of the page that talks to the background; everything
// below it renders what it is handed and reports back through callbacks.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../client';
import type { IdentitySummary } from '../../shared/wallet-state';
import { downloadFile } from '../shared/download';
import { LoadStatus } from '../shared/load-status';
import { UnlockForm } from '../shared/unlock-form';
import { useWallet } from '../shared/use-wallet';
import { AddSection } from './add-section';
import { IdentitiesSection } from './identities-section';
import { PageHeader } from '../shared/page-header';
import { saveRoot } from '../shared/save-root';
import { SecuritySection } from './security-section';
import { SetupForm } from './setup-form';

export function App() {
  const { state, reload, actions } = useWallet();
  const [added, setAdded] = useState<IdentitySummary | null>(null);
  const wallet = state.status === 'ready' ? state.value : null;
  // The root is read once the wallet is open; adding by enrollment needs it.
  const [root, setRoot] = useState<string | null>(null);
  const unlocked = wallet?.unlocked === true;
  useEffect(() => {
    if (unlocked) call('wallet_getAtPlatform').then((view) => setRoot(view.root), () => setRoot(null));
  }, [unlocked]);

  const exportFile = async (atSign: string, passphrase: string) => {
    const file = await actions.exportAtKeys(atSign, passphrase);
    downloadFile(file.fileName, file.content);
    return file.fileName;
  };

  let body;
  if (!wallet) {
    body = <LoadStatus error={state.status === 'error' ? state.message : undefined} onRetry={() => void reload()} />;
  } else if (!wallet.initialized) {
    body = <SetupForm onSetup={actions.setup} />;
  } else if (!wallet.unlocked) {
    body = <UnlockForm onUnlock={actions.unlock} />;
  } else {
    body = (
      <>
        <AddSection
          added={added}
          firstOne={wallet.identities.length === 0}
          onImport={async (content, fileName) => setAdded(await actions.importAtKeys(content, fileName))}
          onActivate={async (atSign, secret) => setAdded(await actions.activateAtSign(atSign, secret))}
          root={root}
          onSaveRoot={async (next) => setRoot((await saveRoot(next)).root)}
          onRequestEnrollment={actions.requestEnrollment}
          onAwaitEnrollment={async (atSign) => setAdded(await actions.awaitEnrollment(atSign))}
          onCancelEnrollment={actions.cancelEnrollment}
          onAddAnother={() => setAdded(null)}
          onDone={() => window.close()}
        />
        {wallet.identities.length > 0 && (
          <IdentitiesSection
            identities={wallet.identities}
            activeAtSign={wallet.activeAtSign}
            justAdded={added?.atSign ?? null}
            onMakeActive={actions.setActiveAtSign}
            onExport={exportFile}
            onRemove={actions.removeAtSign}
          />
        )}
        <SecuritySection
          autoLockMinutes={wallet.autoLockMinutes}
          onAutoLock={actions.setAutoLock}
          onChangePassphrase={actions.changePassphrase}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader wallet={wallet} onLock={() => void actions.lock().catch(reload)} />
      <main class="page">{body}</main>
    </>
  );
}
