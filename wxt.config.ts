import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT builds Firefox as MV2 (background page) and Chromium as MV3 (service worker).

// The extension's own pages run only their own scripts, load no plugins, and
// may not be framed by anything — the approval window least of all.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; frame-ancestors 'none'";
export default defineConfig({
  // `wxt/browser` becomes webextension-polyfill in the extension's pages and
  // background.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Not in content scripts: they run in every frame of every page, and WXT's
    // own content-script context imports `wxt/browser`, which would put the
    // polyfill (~10 kB) in the relay. There `wxt/browser` stays WXT's plain
    // `browser ?? chrome`, and the relay speaks the raw runtime itself.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const resolve = config.resolve;
      if (Array.isArray(resolve?.alias)) {
        resolve.alias = resolve.alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (resolve?.alias) {
        delete (resolve.alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'atSign Wallet',
    description:
      'Hold your atSign keys and give websites scoped, revocable access to your personas.',
    permissions: ['storage', 'alarms'],
    content_security_policy:
      browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wallet@atsign-wallet.org',
              strict_min_version: '140.0',
              // The wallet sends nothing about the person anywhere.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  }),
});
