import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { extensionDir } from './extension';
import { trustCaIn } from './trust-ca';
import type { E2EPage, LaunchOptions, WalletBrowser } from './types';

// Without these, Chromium keeps dialling Google services that this closed
// network refuses. The benchmarks launch with them too.
export const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
];

function wrap(page: Page): E2EPage {
  const frame = (prefix: string): Frame => {
    const found = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(prefix));
    if (!found) throw new Error(`no frame at ${prefix}`);
    return found;
  };
  return {
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    // Playwright types arguments as handles; the functions here take plain data.
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateInFrame: (prefix, fn, arg) => frame(prefix).evaluate(fn as never, arg) as never,
    waitForRole: (role, name) =>
      page.getByRole(role as 'button', { name, exact: true }).first().waitFor(),
    clickRole: (role, name) => page.getByRole(role as 'button', { name, exact: true }).first().click(),
    clickRoleNow: (role, name) => page.getByRole(role as 'button', { name, exact: true }).first().click({ force: true }),
    bringToFront: () => page.bringToFront(),
    pressOn: async (role, name, key) => {
      await page.getByRole(role as 'button', { name, exact: true }).first().focus();
      await page.keyboard.press(key);
    },
    fillLabel: (label, value, within) =>
      (within ? page.locator(within) : page).getByLabel(label, { exact: true }).fill(value),
    selectLabel: async (label, optionText) =>
      void (await page.getByLabel(label, { exact: true }).selectOption({ label: optionText })),
    checkLabel: (label, checked) => page.getByLabel(label, { exact: true }).setChecked(checked),
    setFileLabel: (label, path) => page.getByLabel(label, { exact: true }).setInputFiles(path),
    textOf: async (selector) => (await page.locator(selector).first().innerText()).trim(),
    close: () => page.close(),
    isClosed: async () => page.isClosed(),
    async downloadFrom(role, name) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole(role as 'button', { name, exact: true }).first().click(),
      ]);
      const path = await download.path();
      return readFile(path, 'utf8');
    },
  };
}

type ManifestApi = { chrome: { runtime: { getManifest(): { name: string } } } };

/** The wallet's service worker: with other extensions beside it, the one whose manifest is the wallet's. */
async function walletWorker(context: BrowserContext, dir: string): Promise<Worker> {
  const { name } = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { name: string };
  for (;;) {
    for (const worker of context.serviceWorkers()) {
      const manifestName = await worker
        .evaluate(() => (globalThis as unknown as ManifestApi).chrome.runtime.getManifest().name)
        .catch(() => undefined); // a worker that stopped meanwhile is looked at again next time round
      if (manifestName === name) return worker;
    }
    // A short wait, then look again: a worker may start between the look and the wait.
    await context.waitForEvent('serviceworker', { timeout: 1_000 }).catch(() => undefined);
  }
}

export async function launchChromium(executablePath: string, options: LaunchOptions = {}): Promise<WalletBrowser> {
  const dir = options.extensionDir ?? extensionDir('chromium', options.build);
  const dirs = [dir, ...(options.extraExtensions ?? [])].join(',');
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'atsign-wallet-chromium-')));
  // A HOME of the browser's own, inside its profile, holds the NSS database it trusts.
  const home = join(profile, 'home');
  if (options.trustCa) trustCaIn(join(home, '.pki', 'nssdb'), options.trustCa);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    env: { ...process.env, HOME: home },
    args: [
      ...QUIET,
      `--disable-extensions-except=${dirs}`,
      `--load-extension=${dirs}`,
      ...(options.hostNames?.length ? [`--host-resolver-rules=${options.hostNames.map((name) => `MAP ${name} 127.0.0.1`).join(',')}`] : []),
    ],
  });
  const worker = await walletWorker(context, dir);
  // URL.origin is "null" for non-web schemes, so the origin is put together by hand.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;

  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(extensionOrigin + path);
    return wrap(page);
  };
  return {
    name: 'chromium',
    extensionOrigin,
    async newPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    openExtensionPage,
    async waitForExtensionPage(path) {
      const at = (url: string) => url.startsWith(extensionOrigin + path);
      const open = context.pages().find((p) => at(p.url()));
      const page = open ?? (await context.waitForEvent('page', { predicate: (p) => at(p.url()) }));
      await page.waitForLoadState('domcontentloaded');
      return wrap(page);
    },
    countExtensionPages: async (path) => context.pages().filter((p) => p.url().startsWith(extensionOrigin + path)).length,
    async restartBackground() {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/popup.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.close();
    },
    async restartBrowser() {
      // The same profile, a new browser process: what is on disk stays, memory and storage.session go.
      await context.close();
      return launchChromium(executablePath, { ...options, profile });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
