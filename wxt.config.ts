import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT builds Firefox as MV2 (background page) and Chromium as MV3 (service worker).

// The extension's own pages run only their own scripts, load no plugins, and
// may not be framed by anything — the approval window least of all.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; frame-ancestors 'none'";
export default defineConfig({
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
