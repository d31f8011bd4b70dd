// Wires the background: database, services, the dispatcher, and the one
// runtime.onMessage listener through which every request arrives.
import type { Browser, Runtime } from 'webextension-polyfill';
import { ErrorCode } from '@/src/shared/errors';
import { isBackgroundRequest, type Reply } from '@/src/shared/protocol';
import { callerFromSender } from './caller';
import { WalletDatabase } from './db/database';
import { GrantsRepo } from './db/grants-repo';
import { IdentitiesRepo } from './db/identities-repo';
import { SettingsRepo } from './db/settings-repo';
import { VaultRepo } from './db/vault-repo';
import { createDispatcher } from './dispatcher';
import { handlers } from './handlers';
import type { Services } from './services';
import { AutoLock } from './vault/auto-lock';
import { Vault } from './vault/vault';

export function createServices(browser: Browser, db = new WalletDatabase(), iterations?: number): Services {
  const now = () => Date.now();
  const identities = new IdentitiesRepo(db);
  const settings = new SettingsRepo(db);
  const session = browser.storage.session;
  const vault = new Vault({
    repo: new VaultRepo(db),
    session,
    now,
    sealedStores: [identities],
    transact: (writes) => db.transaction('rw', db.tables, writes),
    iterations,
  });
  const autoLock = new AutoLock({ vault, settings, alarms: browser.alarms, session, now });
  return { grants: new GrantsRepo(db), identities, settings, vault, autoLock, now };
}

const NOBODY: Reply = { ok: false, error: { code: ErrorCode.Unauthorized, message: 'Unknown caller' } };

export function startBackground(browser: Browser, services: Services = createServices(browser)): void {
  const dispatch = createDispatcher(handlers, services);
  const extensionBase = browser.runtime.getURL('/');
  // Returning undefined leaves a message that is not ours to other listeners.
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isBackgroundRequest(message)) return undefined;
    const caller = callerFromSender(sender, browser.runtime.id, extensionBase);
    return caller ? dispatch(message, caller) : Promise.resolve(NOBODY);
  };
  browser.runtime.onMessage.addListener(listener as Runtime.OnMessageListener);
  browser.alarms.onAlarm.addListener((alarm) => void services.autoLock.onAlarm(alarm.name));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
}
