import { portChannel, type ChannelPort } from '@/src/content/port-channel';
import { startRelay } from '@/src/content/relay';
import { RELAY_PORT } from '@/src/shared/protocol';

// The browser's own messaging, not webextension-polyfill (which `wxt/browser`
// is in the pages and background, see wxt.config.ts): the relay runs in every
// frame of every page, so it stays small and adds no extra hop.
type Runtime = {
  connect(info: { name: string }): ChannelPort;
  onMessage: { addListener(listener: (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => void): void };
};
const runtime = ((globalThis as { browser?: { runtime: Runtime } }).browser ?? (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome).runtime;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Not at document_start: any content script of an extension's own world in
  // a page costs that page's load a few milliseconds, and more the earlier it
  // runs (see README, Benchmarks). The provider holds early requests until the
  // relay says it is ready. Chromium's document_idle comes at the latest 200 ms
  // after DOMContentLoaded; Firefox's waits for every image, so Firefox takes
  // the relay at document_end (DOMContentLoaded).
  runAt: { chrome: 'document_idle', firefox: 'document_end' },
  allFrames: true,
  // WXT's wrapper would otherwise post a "script started" notice, naming the
  // extension's id, to every page with target '*': the page would hear from
  // the wallet in something other than our envelopes, addressed to anyone.
  noScriptStartedPostMessage: true,
  main() {
    startRelay(window, {
      send: portChannel(() => runtime.connect({ name: RELAY_PORT })),
      onEvent: (listener) =>
        runtime.onMessage.addListener((message, _sender, sendResponse) => {
          const answer = listener(message);
          if (answer !== undefined) sendResponse(answer);
        }),
    });
  },
});
