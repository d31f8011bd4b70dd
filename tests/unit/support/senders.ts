import type { Runtime, Tabs } from 'webextension-polyfill';

/** What runtime.onMessage reports; Chromium adds `origin`, which Firefox's types lack. */
export type Sender = Runtime.MessageSender & { origin?: string };

export function tab(id: number): Tabs.Tab {
  return { id, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
}

/** A content script in a tab, as Firefox reports it (url, no origin). */
export function contentScriptSender(extensionId: string, url: string, extra: Partial<Sender> = {}): Sender {
  return { id: extensionId, tab: tab(7), frameId: 0, url, ...extra };
}
