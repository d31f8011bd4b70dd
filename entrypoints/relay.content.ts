import browser from 'webextension-polyfill';
import { startRelay } from '@/src/content/relay';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  main() {
    startRelay(window, {
      send: (message) => browser.runtime.sendMessage(message),
      onEvent: (listener) => browser.runtime.onMessage.addListener((message: unknown) => void listener(message)),
    });
  },
});
