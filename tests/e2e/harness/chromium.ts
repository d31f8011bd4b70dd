import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { extensionDir } from './extension';
import type { E2EPage, WalletBrowser } from './types';

// Without these, Chromium keeps dialling Google services that this closed
// network refuses.
const QUIET = [
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
    fillLabel: (label, value) => page.getByLabel(label, { exact: true }).fill(value),
    setFileLabel: (label, path) => page.getByLabel(label, { exact: true }).setInputFiles(path),
    textOf: async (selector) => (await page.locator(selector).first().innerText()).trim(),
    close: () => page.close(),
  };
}

export async function launchChromium(executablePath: string): Promise<WalletBrowser> {
  const dir = extensionDir('chromium');
  const profile = await mkdtemp(join(tmpdir(), 'atsign-wallet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...QUIET, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
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
    async restartBackground() {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/popup.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.close();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
