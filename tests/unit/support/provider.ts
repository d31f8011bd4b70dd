// The page's view of the wallet: what arrives in `atsign:announceProvider`.
import { installProvider } from '@/src/inpage/provider';
import { asWindow, type FakeWindow } from './fake-window';

export interface PageProvider {
  readonly isAtSignWallet: boolean;
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(name: string, fn: (data: unknown) => void): PageProvider;
  removeListener(name: string, fn: (data: unknown) => void): PageProvider;
}

export interface Announcement {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: PageProvider;
}

/** Installs the provider in `win` and returns every announcement the page sees, starting with the first. */
export function installAndListen(win: FakeWindow): Announcement[] {
  const announcements: Announcement[] = [];
  win.addEventListener('atsign:announceProvider', (event) =>
    announcements.push((event as CustomEvent<Announcement>).detail),
  );
  installProvider(asWindow(win));
  return announcements;
}

/** The provider a page discovers in `win`, installing it first. */
export function discoverProvider(win: FakeWindow): PageProvider {
  const [first] = installAndListen(win);
  if (!first) throw new Error('the provider did not announce itself');
  return first.provider;
}
