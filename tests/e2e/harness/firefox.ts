import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { extensionDir } from './extension';
import { trustCaIn } from './trust-ca';
import type { E2EPage, LaunchOptions, WalletBrowser } from './types';

const aria = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/**
 * The control a <label> with exactly this text names. Firefox's accessibility
 * tree names a file input's button rather than the input, and ARIA queries
 * on form controls are slow there, so controls are found through their label.
 */
async function labelled(page: Page, label: string, within = 'body'): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const handle = await page.evaluateHandle(
      (text, scope) =>
        Array.from(document.querySelector(scope)?.querySelectorAll('label') ?? []).find(
          (l) => l.textContent?.replace(/\s+/g, ' ').trim() === text,
        )?.control ?? null,
      label,
      within,
    );
    const element = handle.asElement();
    if (element) return element as ElementHandle<Element>;
    if (Date.now() > deadline) throw new Error(`no control labelled ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function pagesAt(browser: Browser, prefix: string): Promise<Page[]> {
  const pages = await browser.pages();
  const at = await Promise.all(
    pages.map((page) =>
      page
        .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
        .then((href) => href.startsWith(prefix))
        .catch(() => false),
    ),
  );
  return pages.filter((_, i) => at[i]);
}

type BidiConnection = { send(method: string, params: object): Promise<{ result: unknown }> };

/**
 * Runs `expression` with the browser's own privileges, in its main window
 * (WebDriver BiDi's chrome scope, open because of --remote-allow-system-access):
 * what about:debugging can do, and a page cannot.
 */
async function inBrowserChrome(browser: Browser, expression: string): Promise<unknown> {
  // puppeteer's BiDi browser has its connection, not in its public types.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no chrome window to run in');
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  const answer = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (answer.type !== 'success') throw new Error(`in the browser's chrome: ${answer.exceptionDetails?.text ?? answer.type}`);
  return answer.result?.value;
}

function wrap(page: Page): E2EPage {
  const frame = (prefix: string): Frame => {
    const found = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(prefix));
    if (!found) throw new Error(`no frame at ${prefix}`);
    return found;
  };
  return {
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    // puppeteer's evaluate is typed for its own handles; the functions here are plain.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    evaluateInFrame: (prefix, fn, arg) => frame(prefix).evaluate(fn as (a: unknown) => unknown, arg) as never,
    waitForRole: async (role, name) => void (await page.waitForSelector(aria(role, name), { visible: true })),
    // Element handles rather than locators: a locator's stability checks never
    // settle on moz-extension:// pages under WebDriver BiDi.
    clickRole: async (role, name) => {
      const element = await page.waitForSelector(aria(role, name), { visible: true });
      await element!.click();
    },
    // Puppeteer's click does not wait for an element to be enabled: the same click, at once.
    clickRoleNow: async (role, name) => {
      const element = await page.waitForSelector(aria(role, name), { visible: true });
      await element!.click();
    },
    bringToFront: () => page.bringToFront(),
    pressOn: async (role, name, key) => {
      const element = await page.waitForSelector(aria(role, name), { visible: true });
      await element!.focus();
      await page.keyboard.press(key as KeyInput);
    },
    fillLabel: async (label, value, within) => {
      const input = within
        ? await labelled(page, label, within)
        : await page.waitForSelector(`::-p-aria(${JSON.stringify(label)})`, { visible: true });
      // Select all and delete, as a person would, so the page hears every edit.
      await input!.focus();
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await input!.type(value);
    },
    selectLabel: async (label, optionText) => {
      const select = await labelled(page, label);
      const value = await select.evaluate(
        (el, text) => Array.from((el as HTMLSelectElement).options).find((o) => o.text.trim() === text)?.value,
        optionText,
      );
      if (value === undefined) throw new Error(`no option ${optionText} in ${label}`);
      await (select as ElementHandle<HTMLSelectElement>).select(value);
    },
    checkLabel: async (label, checked) => {
      const input = await labelled(page, label);
      if ((await input.evaluate((el) => (el as HTMLInputElement).checked)) !== checked) await input.click();
    },
    setFileLabel: async (label, path) => {
      const input = await labelled(page, label);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    textOf: async (selector) => {
      const handle = await page.waitForSelector(selector);
      return ((await handle!.evaluate((el) => (el as HTMLElement).innerText)) ?? '').trim();
    },
    close: () => page.close(),
    // The driver does not always notice a window the extension closed; a page
    // that can no longer run a script is gone.
    // Downloads over WebDriver BiDi are not reachable from puppeteer here.
    downloadFrom: async () => null,
    isClosed: async () =>
      page.isClosed() ||
      page.evaluate(() => 1).then(
        () => false,
        () => true,
      ),
  };
}

export async function launchFirefox(executablePath: string, options: LaunchOptions = {}): Promise<WalletBrowser> {
  const dir = options.extensionDir ?? extensionDir('firefox', options.build);
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const id = manifest.browser_specific_settings.gecko.id;
  // Fixing the extension's UUID gives its pages a known moz-extension:// origin.
  const uuid = randomUUID();
  // The profile is made here so its NSS database can trust the test CA before Firefox starts.
  const profile = await mkdtemp(join(tmpdir(), 'atsign-wallet-firefox-'));
  if (options.trustCa) trustCaIn(profile, options.trustCa);
  const browser = await puppeteer.launch({
    userDataDir: profile,
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    // Without it, moz-extension:// pages cannot be opened by the driver, nor
    // the browser's own chrome reached (restartBackground).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      // Grants an MV3 extension's host access (its content scripts' sites and
      // its host_permissions) as it installs: what a person does by adding it
      // from the install prompt, which lists that access. Firefox's default.
      'extensions.originControls.grantByDefault': true,
      // Grants an extension's optional permission requests without a doorhanger the
      // driver cannot click: it stands for the person choosing Allow.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.hostNames?.length ? { 'network.dns.localDomains': options.hostNames.join(',') } : {}),
    },
  });
  await browser.installExtension(dir);
  for (const extra of options.extraExtensions ?? []) await browser.installExtension(extra);
  const extensionOrigin = `moz-extension://${uuid}`;
  return {
    name: 'firefox',
    extensionOrigin,
    async newPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = extensionOrigin + path;
      // goto on a moz-extension:// page may never settle: start it, then poll
      // until the document is there. A poll that lands mid-navigation fails
      // inside the driver, so failures only mean "not yet".
      page.goto(url).catch(() => undefined);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const ready = await page
          .evaluate((href) => location.href === href && document.readyState === 'complete', url)
          .catch(() => false);
        if (ready) return wrap(page);
        if (Date.now() > deadline) throw new Error(`${url} did not load`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    // Firefox's driver keeps reporting a window the extension opened as
    // about:blank, so each page is asked where it really is.
    async waitForExtensionPage(path) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [page] = await pagesAt(browser, extensionOrigin + path);
        if (page) return wrap(page);
        if (Date.now() > deadline) throw new Error(`${path} did not open`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    countExtensionPages: async (path) => (await pagesAt(browser, extensionOrigin + path)).length,
    // What Firefox does to an idle event page, at once: the background stops
    // (forced, as Chromium's worker is, even with requests pending) and the
    // next event starts it again.
    async restartBackground() {
      const state = await inBrowserChrome(
        browser,
        `(async () => {
          const extension = WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension;
          await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
          return String(extension.backgroundState);
        })()`,
      );
      if (state !== 'stopped') throw new Error(`the background did not stop (${String(state)})`);
    },
    // A temporary add-on does not survive a Firefox restart, so there is no restart to test there.
    restartBrowser: null,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
