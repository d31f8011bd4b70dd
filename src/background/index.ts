// Wires the background: database, services, the dispatcher, and the one
// runtime.onMessage listener through which every request arrives.
import type { Browser, Runtime } from 'webextension-polyfill';
import { ErrorCode } from '@/src/shared/errors';
import { isBackgroundRequest, type Reply } from '@/src/shared/protocol';
import { callerFromSender } from './caller';
import { WalletDatabase } from './db/database';
import { GrantsRepo } from './db/grants-repo';
import { createDispatcher } from './dispatcher';
import { handlers } from './handlers';
import type { Services } from './services';

export function createServices(db = new WalletDatabase()): Services {
  return { grants: new GrantsRepo(db), now: () => Date.now() };
}

const NOBODY: Reply = { ok: false, error: { code: ErrorCode.Unauthorized, message: 'Unknown caller' } };

export function startBackground(browser: Browser, services: Services = createServices()): void {
  const dispatch = createDispatcher(handlers, services);
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  // Returning undefined leaves a message that is not ours to other listeners.
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isBackgroundRequest(message)) return undefined;
    const caller = callerFromSender(sender, browser.runtime.id, extensionOrigin);
    return caller ? dispatch(message, caller) : Promise.resolve(NOBODY);
  };
  browser.runtime.onMessage.addListener(listener as Runtime.OnMessageListener);
}
