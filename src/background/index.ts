// Wires the background: database, services, the dispatcher, and the one
// answer every request gets, whether it came as a runtime message (the
// wallet's own pages) or over a relay's port (pages of sites).
import type { Browser, Runtime } from 'webextension-polyfill';
import { ErrorCode } from '@/src/shared/errors';
import { isOurs, NS, RELAY_PORT, type PersonasChanged, type PortReceived, type PortReply, type PortRequest, type Reply } from '@/src/shared/protocol';
import { ActivityLog } from './activity/activity-log';
import type { FetchLike } from './atplatform/root-over-https';
import { createWalletEnrollments, createWalletLinks, refreshLinks } from './atplatform/wallet-links';
import { Approvals } from './approvals/approvals';
import { callerFromSender, withTopOrigin } from './caller';
import { WalletDatabase } from './db/database';
import { ActivityRepo } from './db/activity-repo';
import { GrantsRepo } from './db/grants-repo';
import { IdentitiesRepo } from './db/identities-repo';
import { PersonasRepo } from './db/personas-repo';
import { SettingsRepo } from './db/settings-repo';
import { SiteUseRepo } from './db/site-use-repo';
import { SyncRepo } from './db/sync-repo';
import { VaultRepo } from './db/vault-repo';
import { createDispatcher } from './dispatcher';
import { SiteEvents } from './events/events';
import { FrameRegistry } from './events/frames';
import { EXPIRY_ALARM, expireDue } from './grants/grants';
import { handlers } from './handlers';
import { createPersonaSync } from './sync/wallet-sync';
import type { Services } from './services';
import { AutoLock } from './vault/auto-lock';
import type { SealedStore } from './vault/sealed-store';
import { Vault } from './vault/vault';
import { testClock } from './test-clock';
import { keepAwake } from './keep-awake';

export function createServices(
  browser: Browser,
  db = new WalletDatabase(),
  iterations?: number,
  /** How the background reaches the network: the root and atServers. */
  fetchImpl: FetchLike = (url, init) => fetch(url, init),
): Services {
  // Vite drops the test clock from every build but `--mode test`.
  const now =
    import.meta.env.MODE === 'e2e' ? testClock(browser, () => inBackground(expireDue(services))) : () => Date.now();
  const identities = new IdentitiesRepo(db);
  const personas = new PersonasRepo(db);
  const settings = new SettingsRepo(db);
  const session = browser.storage.session;
  const frames = new FrameRegistry(session);
  const events = new SiteEvents(frames, (tabId, message, frameId) => browser.tabs.sendMessage(tabId, message, { frameId }));
  const sealedStores: SealedStore[] = [identities, personas];
  const vault = new Vault({
    repo: new VaultRepo(db),
    session,
    now,
    sealedStores,
    transact: (writes) => db.transaction('rw', db.tables, writes),
    iterations,
  });
  const alarms = browser.alarms;
  const autoLock = new AutoLock({ vault, settings, alarms, session, now });
  const approvals = new Approvals(browser.windows, session, (id) => browser.runtime.getURL(`/approve.html?id=${id}`));
  const grants = new GrantsRepo(db);
  const activity = new ActivityLog(new ActivityRepo(db), vault, now);
  sealedStores.push(activity);
  const siteUse = new SiteUseRepo(db);
  // Chromium counts WebSocket traffic as activity by itself; Firefox is told by an API call.
  const onTraffic = import.meta.env.FIREFOX ? keepAwake(() => browser.runtime.getPlatformInfo()) : undefined;
  const links = createWalletLinks(
    { identities, settings, vault, fetch: fetchImpl, now, onTraffic },
    {
      onOnline: (atSign) => inBackground(services.sync.request(atSign)),
      onServerCommit: (atSign, latest) => inBackground(services.sync.serverCommitted(atSign, latest)),
    },
  );
  // Locking forgets the keys, so the connections made with them close too.
  vault.onLock(() => links.stopAll());
  const sync = createPersonaSync(
    () => services,
    (atSign, work) => links.whileOnline(atSign, work),
    // No page of the wallet open: nobody to tell, and the browser says so by refusing.
    (atSign) => void browser.runtime.sendMessage({ ns: NS, kind: 'personasChanged', atSign } satisfies PersonasChanged).catch(() => undefined),
  );
  const services: Services = {
    grants,
    identities,
    personas,
    settings,
    vault,
    autoLock,
    approvals,
    activity,
    siteUse,
    links,
    syncState: new SyncRepo(db),
    sync,
    enrollments: createWalletEnrollments({ settings, fetch: fetchImpl, now, onTraffic }),
    alarms,
    frames,
    events,
    now,
  };
  return services;
}

/** Work nobody waits for: a failure is logged, never left unhandled. */
function inBackground(task: Promise<unknown>): void {
  task.catch((error: unknown) => console.error('atSign Wallet: background task failed', error));
}

const NOBODY: Reply = { ok: false, error: { code: ErrorCode.Unauthorized, message: 'Unknown caller' } };
const SUBSCRIBED: Reply = { ok: true, result: null };
const NOT_OURS: Reply = { ok: false, error: { code: ErrorCode.InvalidRequest, message: 'Not a wallet request' } };

export function startBackground(browser: Browser, services: Services = createServices(browser)): void {
  const dispatch = createDispatcher(handlers, services);
  const extensionBase = browser.runtime.getURL('/');
  const askTopFrame = (tabId: number) => browser.tabs.sendMessage(tabId, { ns: NS, kind: 'whereAmI' }, { frameId: 0 });
  /** The answer to one message, from whoever the browser says sent it; undefined if the message is not ours. */
  const answer = (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isOurs(message)) return undefined;
    const caller = callerFromSender(sender, browser.runtime.id, extensionBase);
    if (!caller) return Promise.resolve(NOBODY);
    // A frame that talks to the wallet, or listens to it, is sent its origin's events.
    if (caller.kind === 'page') inBackground(services.frames.remember(caller.origin, { tabId: caller.tabId, frameId: caller.frameId }));
    if (message.kind === 'subscribe') return Promise.resolve(SUBSCRIBED);
    if (caller.kind === 'ui') return dispatch(message, caller);
    return withTopOrigin(caller, sender, askTopFrame).then((full) => dispatch(message, full));
  };
  // Returning undefined leaves a message that is not ours to other listeners.
  browser.runtime.onMessage.addListener(answer as Runtime.OnMessageListener);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== RELAY_PORT || !port.sender) return;
    const sender = port.sender;
    const tell = (message: PortReceived | PortReply) => {
      try {
        port.postMessage(message);
      } catch {
        // The frame has gone (navigated or closed) since it asked: nobody to tell.
      }
    };
    port.onMessage.addListener((envelope: unknown) => {
      const { id, message } = (envelope ?? {}) as Partial<PortRequest>;
      if (typeof id !== 'number') return;
      tell({ id, received: true });
      const reply = answer(message, sender) ?? Promise.resolve(NOT_OURS);
      inBackground(reply.then((settled) => tell({ id, reply: settled })));
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    inBackground(alarm.name === EXPIRY_ALARM ? expireDue(services) : services.autoLock.onAlarm(alarm.name));
  });
  browser.windows.onRemoved.addListener((windowId) => inBackground(services.approvals.windowClosed(windowId)));
  // Catch up on what happened while the background was not running.
  inBackground(services.approvals.closeStale());
  // An unlocked wallet (a service-worker restart keeps it so) goes back online.
  inBackground(refreshLinks(services));
  inBackground(expireDue(services));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') inBackground(browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') }));
  });
}
