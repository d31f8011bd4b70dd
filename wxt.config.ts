import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT builds Firefox as MV2 (background page) and Chromium as MV3 (service worker).
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
