// The popup: the person's control room. This is the one component that talks
// to the background (through the hooks it calls); everything below it renders
// what it is handed.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { LoadStatus } from '../shared/load-status';
import { openOnboarding } from '../shared/open-onboarding';
import { openPersonas } from '../shared/open-personas';
import { UnlockForm } from '../shared/unlock-form';
import { useWallet } from '../shared/use-wallet';
import { ActivitySection } from './activity-section';
import { EmptyState } from './empty-state';
import { PersonasSection } from './personas-section';
import { PopupTabs, TabPanel, type TabDef } from './popup-tabs';
import { SettingsSection } from './settings-section';
import { QuietSites } from './quiet-sites';
import { SitesSection } from './sites-section';
import { useAtPlatform } from './use-atplatform';
import { useActivity } from './use-activity';
import { usePersonaDirectory } from './use-persona-directory';
import { useQuietSites } from './use-quiet-sites';
import { useSites } from './use-sites';
import { WalletHeader } from './wallet-header';

type Place = 'sites' | 'activity' | 'personas' | 'settings';

const PLACES: readonly TabDef<Place>[] = [
  { key: 'sites', label: 'Sites' },
  { key: 'activity', label: 'Activity' },
  { key: 'personas', label: 'Personas' },
  { key: 'settings', label: 'Settings' },
];

export function App() {
  const { state, reload, actions } = useWallet();
  const wallet = state.status === 'ready' ? state.value : null;
  const unlocked = wallet?.unlocked === true;
  // A change refused because the wallet locked meanwhile brings the unlock form.
  const onLocked = useCallback(() => void reload(), [reload]);
  const sites = useSites(onLocked);
  const quiet = useQuietSites();
  const activity = useActivity(onLocked);
  const [place, setPlace] = useState<Place>('sites');
  const atPlatform = useAtPlatform(unlocked && place === 'settings', onLocked);

  const grants = sites.grants.status === 'ready' ? sites.grants.value : [];
  const atSigns = useMemo(() => {
    const all = new Set(grants.map((g) => g.atSign));
    if (wallet?.activeAtSign) all.add(wallet.activeAtSign);
    return [...all];
  }, [grants, wallet?.activeAtSign]);
  const personas = usePersonaDirectory(unlocked ? atSigns : null);
  // Activity entries name fields; custom ones read by the person's own labels.
  const labels = useMemo(() => {
    const merged: Record<string, string> = {};
    for (const atSign of atSigns) {
      const list = personas.get(atSign);
      if (list.status === 'ready') for (const persona of list.value) Object.assign(merged, persona.labels);
    }
    return merged;
  }, [atSigns, personas]);

  // The log is read each time its tab is shown (so it is never stale), and forgotten on lock.
  const { open, reset } = activity;
  useEffect(() => {
    if (!unlocked) reset();
    else if (place === 'activity') open();
  }, [unlocked, place, open, reset]);

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
        <PopupTabs tabs={PLACES} selected={place} onSelect={setPlace} label="Wallet" />
        <TabPanel tabKey="sites" selected={place === 'sites'}>
          <SitesSection
            grants={sites.grants}
            personasOf={personas.get}
            now={Date.now()}
            onRetry={sites.reload}
            actions={sites.actions}
          />
          <QuietSites sites={quiet.sites} onAskAgain={quiet.askAgain} />
        </TabPanel>
        <TabPanel tabKey="activity" selected={place === 'activity'}>
          <ActivitySection
            view={activity.view}
            filter={activity.filter}
            labels={labels}
            onFilter={activity.setFilter}
            onShowOlder={activity.showOlder}
            onRetry={activity.retry}
            onExport={activity.exportAs}
          />
        </TabPanel>
        <TabPanel tabKey="personas" selected={place === 'personas'}>
          {wallet.activeAtSign ? (
            <PersonasSection
              personas={personas.get(wallet.activeAtSign)}
              onRetry={() => personas.reload(wallet.activeAtSign!)}
              onEdit={() => void openPersonas()}
            />
          ) : (
            <p class="status empty">Choose an active atSign to see its personas.</p>
          )}
        </TabPanel>
        <TabPanel tabKey="settings" selected={place === 'settings'}>
          <SettingsSection
            wallet={wallet}
            atPlatform={atPlatform.view}
            atPlatformActions={atPlatform.actions}
            now={Date.now()}
            onAutoLock={actions.setAutoLock}
            onManage={onboard}
          />
        </TabPanel>
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
