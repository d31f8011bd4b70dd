// Who is calling, as the browser says — never as a message claims.
import type { Runtime } from 'webextension-polyfill';

export type PageCaller = {
  kind: 'page';
  origin: string;
  /** the top page's origin when the caller is a frame of another origin, else null */
  topOrigin: string | null;
  tabId: number;
  frameId: number;
};
export type UiCaller = { kind: 'ui' };
export type Caller = PageCaller | UiCaller;

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * `extensionBase` is runtime.getURL('/'). The extension's own pages are `ui`; a content script in an http(s) frame is
 * a `page` of that frame's origin (scheme + host + port). Anything else —
 * another extension, an opaque origin, a frame with no tab — is nobody.
 */
export function callerFromSender(sender: Runtime.MessageSender, extensionId: string, extensionBase: string): Caller | null {
  if (sender.id !== extensionId) return null;
  // URL.origin is "null" for extension schemes outside the browser, so the
  // extension's own pages are recognised by their URL prefix
  // (chrome-extension://<id>/ or moz-extension://<uuid>/).
  // Chromium reports sender.origin; Firefox reports only sender.url.
  const reported = (sender as { origin?: string }).origin;
  if (sender.url?.startsWith(extensionBase) && (reported === undefined || `${reported}/` === extensionBase))
    return { kind: 'ui' };
  const origin = reported ?? originOf(sender.url);
  if (!origin || origin === 'null') return null;
  if (!/^https?:\/\//.test(origin) || sender.tab?.id === undefined) return null;
  const frameId = sender.frameId ?? 0;
  const top = frameId === 0 ? null : originOf(sender.tab.url);
  return { kind: 'page', origin, topOrigin: top && top !== origin ? top : null, tabId: sender.tab.id, frameId };
}

/** How often, and how far apart, the top frame is asked while its relay may not have started yet. */
export const TOP_FRAME_ASKS = { tries: 20, apartMs: 150 };

/**
 * A frame's caller with the top page's origin filled in where the browser
 * left it out: Firefox gives an extension without the tabs permission no
 * `sender.tab.url`. Then the wallet's own relay in the tab's top frame says
 * which page it is — an answer only the extension's content script can give.
 * That relay starts once its page has loaded, which may be after a frame
 * inside it asked for something; until it answers, it is asked again (about
 * three seconds in all).
 */
export async function withTopOrigin(
  caller: PageCaller,
  sender: Runtime.MessageSender,
  askTopFrame: (tabId: number) => Promise<unknown>,
  asks = TOP_FRAME_ASKS,
): Promise<PageCaller> {
  if (caller.frameId === 0 || sender.tab?.url) return caller;
  const unanswered = Symbol('unanswered');
  let top: unknown = unanswered;
  for (let i = 0; i < asks.tries && top === unanswered; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, asks.apartMs));
    top = await askTopFrame(caller.tabId).catch(() => unanswered);
  }
  if (typeof top !== 'string' || !/^https?:\/\/[^/]+$/.test(top) || top === caller.origin) return caller;
  return { ...caller, topOrigin: top };
}
