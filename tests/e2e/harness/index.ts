// Launching a browser with the built wallet for a test file. E2E_BROWSERS
// (e.g. "chromium") narrows the run to some browsers; the default is both.
import { inject } from 'vitest';
import { findBrowsers } from '../../../scripts/browsers.mjs';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, LaunchOptions, WalletBrowser } from './types';

export type { BrowserName, E2EPage, LaunchOptions, WalletBrowser } from './types';

export const browserNames: BrowserName[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is BrowserName => s === 'chromium' || s === 'firefox');

export async function launchWallet(name: BrowserName, options: LaunchOptions = {}): Promise<WalletBrowser> {
  const path = findBrowsers()[name];
  if (!path) throw new Error(`${name} was not found: run "node scripts/browsers.mjs"`);
  // Every browser trusts the run's local atPlatform, as a person's trusts the real one.
  const withCa = { ...options, trustCa: options.trustCa === undefined ? inject('atPlatform').ca : options.trustCa };
  return name === 'chromium' ? launchChromium(path, withCa) : launchFirefox(path, withCa);
}
