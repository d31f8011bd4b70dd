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
          // The atPlatform's root is asked over HTTPS, which needs host access
          // (it sends no CORS headers); atServers are reached by WebSocket,
          // which does not. A root the person names is asked for when they
          // name it. Chromium needs neither: its host access already covers
          // every https site the content scripts run on.
          host_permissions: ['https://root.atsign.org/*'],
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'wallet@atsign-wallet.org',
              strict_min_version: '140.0',
              // The wallet signs in to the person's own atServer (a PKAM
              // signature, never a key), publishes its public signing key
              // there, and keeps the person's personas there (names, emails,
              // addresses…, encrypted with the atSign's self encryption key
              // so only the atSign's own apps can read them); nothing goes
              // to anyone else.
              data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  }),
});
  // The sources zip AMO's reviewers rebuild from (`wxt zip -b firefox`): what
  // git holds. What .gitignore keeps out — builds, local results — stays out.
  zip: { excludeSources: ['dist/**', 'bench/results.json', 'test-results/**', '**/*.log'] },
