// Chromium launched by the benchmarks themselves, for what the e2e harness
// does not give: a browser with no extension at all (the page-load baseline),
// and direct access to the browser context (a CDP session on a page that stays
// open). Same binary and flags as tests/e2e/harness/chromium.ts, so the
// extensions loaded are the only difference.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findBrowsers } from '../../scripts/browsers.mjs';
import { launchWallet, type E2EPage, type LaunchOptions, type WalletBrowser } from '../../tests/e2e/harness';
import { QUIET } from '../../tests/e2e/harness/chromium';

export interface BenchChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBenchChromium(extensions: string[] = []): Promise<BenchChromium> {
  const executablePath = findBrowsers().chromium;
  if (!executablePath) throw new Error('chromium was not found: run "node scripts/browsers.mjs"');
  const profile = await mkdtemp(join(tmpdir(), 'atsign-bench-chromium-'));
  const dirs = extensions.join(',');
  const args = extensions.length ? [...QUIET, `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`] : QUIET;
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What the page-load bench needs of a page, in either kind of browser. */
export type LoadablePage = Pick<E2EPage, 'goto' | 'evaluate' | 'close'>;

export const loadable = (page: Page): LoadablePage => ({
  goto: async (url) => void (await page.goto(url)),
  evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
  close: () => page.close(),
});

/**
 * The wallet in the e2e harness's Chromium, trusting no extra certificate
 * authority: the harness would trust the e2e run's local atPlatform, which a
 * bench run does not start (and a person's browser would not trust).
 */
export const launchBenchWallet = (options: LaunchOptions = {}): Promise<WalletBrowser> =>
  launchWallet('chromium', { trustCa: null, ...options });
