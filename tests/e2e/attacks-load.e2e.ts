// The wallet under load (issue "Security and reliability"): many tabs and
// frames asking for consent at once, a thousand reads in parallel, and a
// browser restart under a grant. What counts is what each site gets back and
// what the person sees: one window at a time, every request answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '@/src/shared/grant';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { callFrom, callWallet } from './harness/wallet-api';
import { fillPersona, PASSPHRASE, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage, type Answer } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

type SiteWindow = {
  site: { providers: unknown[]; request(method: unknown, params?: unknown): Promise<Answer> };
  started?: Record<string, Promise<Answer>>;
};

const PROFILE = { name: 'Barbara Jones', email: 'barbara@work.example' };
const ASK = { fields: ['name', 'email'] };

/** A requester: a tab of a site, or a frame (of `frame` origin) inside one. */
interface Asker {
  origin: string;
  page: SitePage;
  frame?: string;
}

/** Runs `fn` where the asker's script runs: its tab, or its frame. */
function inAsker<A, R>(asker: Asker, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return asker.frame ? asker.page.page.evaluateInFrame(asker.frame, fn, arg) : asker.page.page.evaluate(fn, arg);
}

function startAsk(asker: Asker, key: string, method: string, params?: unknown): Promise<void> {
  const fn = ({ key, method, params }: { key: string; method: string; params?: unknown }) => {
    const w = window as unknown as SiteWindow;
    (w.started ??= {})[key] = w.site.request(method, params);
  };
  return inAsker(asker, fn, { key, method, params });
}

const settleAsk = (asker: Asker, key: string): Promise<Answer> =>
  inAsker(asker, (key) => (window as unknown as Required<SiteWindow>).started[key]!, key);

/** The waiting request behind an approval window, as the wallet's own pages see it. */
async function viewOf(wallet: WalletBrowser, approval: ApprovalPage) {
  const id = new URL(await approval.page.evaluate(() => location.href, undefined)).searchParams.get('id')!;
  return callWallet(wallet, 'wallet_getApproval', { id });
}

/** The next approval window that is not one of those already answered. */
async function nextApproval(wallet: WalletBrowser, answered: Set<string>) {
  for (;;) {
    const approval = await ApprovalPage.waitFor(wallet);
    const view = await viewOf(wallet, approval).catch(() => null);
    if (view && !answered.has(view.id)) return { approval, view };
  }
}

async function connect(wallet: WalletBrowser, page: SitePage): Promise<Grant> {
  await page.start('connect', 'atsign_connect', ASK);
  const approval = await ApprovalPage.waitFor(wallet);
  await approval.choose({ persona: 'Work', duration: 'Until I revoke' });
  await approval.approve();
  const answer = await page.settle('connect');
  return (answer.result as { grant: Grant }).grant;
}

describe.each(browserNames)('%s: the wallet under load', (browserName) => {
  let wallet: WalletBrowser;
  let sites: TestSite[];
  /** What the window for the request from C's frame (inside a page of A) said. */
  let framedAsk: { topOrigin: string | null; text: string } | undefined;

  beforeAll(async () => {
    sites = await Promise.all(Array.from({ length: 5 }, () => startTestSite()));
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Work', PROFILE);
  });
  afterAll(async () => {
    await wallet?.close();
    await Promise.all(sites.map((s) => s.close()));
  });

  it('keeps one window at a time when tabs and frames of three origins ask at once, and answers each', async () => {
    const [a, b, c] = sites as [TestSite, TestSite, TestSite];
    a.allowFramesFrom(b.origin);
    a.allowFramesFrom(c.origin);
    const plain = await Promise.all([a, a, a, a, b].map((s) => SitePage.open(wallet, s.url('/'))));
    const hosts = await Promise.all(
      [b, c].map((s) => SitePage.open(wallet, a.url(`/with-frame.html?src=${s.url('/')}`))),
    );
    const askers: Asker[] = [
      ...plain.map((page, i) => ({ origin: i < 4 ? a.origin : b.origin, page })),
      ...hosts.map((page) => ({ origin: a.origin, page })),
      { origin: b.origin, page: hosts[0]!, frame: b.origin },
      { origin: c.origin, page: hosts[1]!, frame: c.origin },
    ];
    const providers = () => (window as unknown as Partial<SiteWindow>).site?.providers.length ?? 0;
    for (const asker of askers.filter((x) => x.frame)) {
      await expect.poll(() => asker.page.page.evaluateInFrame(asker.frame!, providers, undefined)).toBe(1);
    }

    // All nine at once: six of origin A (four tabs, two pages hosting frames),
    // two of B (a tab and a frame), one of C (a frame).
    await Promise.all(askers.map((asker) => startAsk(asker, 'flood', 'atsign_connect', ASK)));

    // The person answers each window as it comes: A approves, B rejects, C closes the window.
    const answered = new Set<string>();
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { approval, view } = await nextApproval(wallet, answered);
      answered.add(view.id);
      order.push(view.origin);
      // One window on screen, never one per request or per origin.
      await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(1);
      if (view.origin === a.origin) {
        expect(view.topOrigin).toBeNull();
        await approval.choose({ persona: 'Work', duration: 'Until I revoke' });
        await approval.approve();
      } else if (view.origin === b.origin) {
        await approval.reject();
      } else {
        framedAsk = { topOrigin: view.topOrigin, text: await approval.text() };
        await approval.close();
      }
    }
    expect([...order].sort()).toEqual([a.origin, b.origin, c.origin].sort());
    await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(0);

    // Every request got an answer: per origin, one went to the person and the rest heard -32002.
    const answers = await Promise.all(
      askers.map(async (asker) => ({ origin: asker.origin, answer: await settleAsk(asker, 'flood') })),
    );
    const of = (origin: string) => answers.filter((x) => x.origin === origin).map((x) => x.answer);
    const codes = (origin: string) => of(origin).map((x) => x.error?.code ?? 'granted').sort();
    expect(codes(a.origin)).toEqual([-32002, -32002, -32002, -32002, -32002, 'granted']);
    expect(codes(b.origin)).toEqual([-32002, 4001]);
    expect(codes(c.origin)).toEqual([4001]);
    const granted = of(a.origin).find((x) => x.result)!.result as { grant: Grant; profile: Record<string, string> };
    expect(granted).toMatchObject({ grant: { origin: a.origin, fields: ['name', 'email'] }, profile: PROFILE });

    // The wallet is still there, and each site has what the person gave it.
    for (const asker of askers) {
      const getGrant = () => (window as unknown as SiteWindow).site.request('atsign_getGrant');
      const got = await inAsker(asker, getGrant, undefined);
      expect(got).toEqual({ result: asker.origin === a.origin ? granted.grant : null });
    }
    expect(await plain[0]!.request('atsign_readProfile')).toEqual({ result: PROFILE });
    expect((await callWallet(wallet, 'wallet_listGrants')).map((g) => g.origin)).toEqual([a.origin]);
    await Promise.all([...plain, ...hosts].map((p) => p.close()));
  });

  // Chromium names the tab's page in the sender; Firefox does not without
  // the tabs permission, so the background asks its own relay in the tab's
  // top frame which page it is.
  it(
    'tells the person a request came from a frame inside another site',
    () => {
      const [a] = sites as [TestSite];
      expect(framedAsk?.topOrigin).toBe(a.origin);
      expect(framedAsk?.text).toContain('Asked from a frame inside');
    },
  );

  it('answers 10 tabs × 100 parallel reads each exactly right', async () => {
    const site = sites[3]!;
    const first = await SitePage.open(wallet, site.url('/'));
    const grant = await connect(wallet, first);
    expect(grant.fields).toEqual(['name', 'email']);
    const tabs = [first, ...(await Promise.all(Array.from({ length: 9 }, () => SitePage.open(wallet, site.url('/')))))];

    // Every third read asks for all granted fields, one for email alone, one for a field not granted.
    const perTab = await Promise.all(
      tabs.map((tab) =>
        tab.page.evaluate(async () => {
          const { site } = window as unknown as SiteWindow;
          const variants = [undefined, { fields: ['email'] }, { fields: ['nickname'] }];
          const reads = Array.from({ length: 100 }, (_, i) => site.request('atsign_readProfile', variants[i % 3]));
          return Promise.all(reads);
        }, undefined),
      ),
    );
    const all = perTab.flat();
    expect(all).toHaveLength(1000);
    const wrong = all.filter((answer, i) => {
      const expected = [{ result: PROFILE }, { result: { email: PROFILE.email } }, null][(i % 100) % 3];
      return expected ? JSON.stringify(answer) !== JSON.stringify(expected) : answer.error?.code !== 4100;
    });
    expect(wrong).toEqual([]);
    expect(await first.request('atsign_getGrant')).toEqual({ result: grant });
    await Promise.all(tabs.map((t) => t.close()));
  });

  // Firefox cannot restart with a temporary add-on (restartBrowser is null there).
  it.runIf(browserName === 'chromium')('keeps grants and personas over a browser restart, locked until unlock', async () => {
    const site = sites[4]!;
    const page = await SitePage.open(wallet, site.url('/'));
    const grant = await connect(wallet, page);
    expect(await page.request('atsign_readProfile')).toEqual({ result: PROFILE });
    const grantsBefore = await callWallet(wallet, 'wallet_listGrants');
    const personasBefore = await callWallet(wallet, 'wallet_listPersonas');
    await page.close();

    wallet = await wallet.restartBrowser!();

    const after = await SitePage.open(wallet, site.url('/'));
    // The grant is still there and the site may know it…
    expect(await after.request('atsign_getGrant')).toEqual({ result: grant });
    // …but nothing is read until the person unlocks, and no window opens for a read.
    expect((await after.request('atsign_readProfile')).error?.code).toBe(4900);
    expect((await after.request('atsign_readProfile', { fields: ['email'] })).error?.code).toBe(4900);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    const popup = await wallet.openExtensionPage('/popup.html');
    const locked = await callFrom(popup, 'wallet_listPersonas');
    expect(locked.ok ? 'unlocked' : locked.error.code).toBe(4900);
    expect(await callFrom(popup, 'wallet_listGrants')).toEqual({ ok: true, result: grantsBefore });

    expect((await callFrom(popup, 'wallet_unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    await popup.close();
    expect(await after.request('atsign_readProfile')).toEqual({ result: PROFILE });
    expect(await after.request('atsign_getGrant')).toEqual({ result: grant });
    expect(await callWallet(wallet, 'wallet_listPersonas')).toEqual(personasBefore);
    // The grants of the other sites came through too.
    const other = await SitePage.open(wallet, sites[3]!.url('/'));
    expect(await other.request('atsign_readProfile')).toEqual({ result: PROFILE });
    await Promise.all([after.close(), other.close()]);
  });
});
