import type { Browser } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { startBackground } from '@/src/background';

export default defineBackground(() => {
  // The @wxt-dev/webextension-polyfill module (wxt.config.ts) makes this
  // `browser` the polyfill at run time, but WXT still types `wxt/browser` as
  // its own chrome-shaped API (wxt-dev/wxt#1651). The background is written
  // against the polyfill — its onMessage listeners answer with a promise — so
  // it is named here for what it is.
  startBackground(browser as unknown as Browser);
});
