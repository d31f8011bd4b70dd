// Hostile pages against the message path (issue "Security and reliability"):
// envelopes that imitate the relay's own, posted by a page to itself, by a
// cross-origin frame to its top page and by a top page into a frame; the
// wallet's own methods; the browser's extension messaging; the approval page
// fetched, framed and opened by a site; and params built to pollute
// prototypes or to be too big. Each test checks what the site and the person
// would see afterwards: the grant, the wallet's own list, the windows, events.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_MS } from '@/src/inpage/provider';
import type { Grant } from '@/src/shared/grant';
import { methods } from '@/src/shared/methods';
import { NS } from '@/src/shared/protocol';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { extensionDir } from './harness/extension';
import { callWallet } from './harness/wallet-api';
import { fillPersona, PASSPHRASE, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage, type Answer } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

type Site = { site: { providers: unknown[]; request(method: unknown, params?: unknown): Promise<Answer> } };
type Recorder = { forged: string[]; ownIds: string[]; rawEvents: unknown[]; settled: boolean };

/**
 * Puts a recorder in the page (or frame) `fn` runs in: envelopes of ours that
 * arrive from another window, ids of the page's own requests, and every event
 * envelope the page is handed.
 */
function record(ns: string) {
  const w = window as unknown as { attack?: Recorder };
  if (w.attack) return;
  const attack: Recorder = { forged: [], ownIds: [], rawEvents: [], settled: false };
  w.attack = attack;
  window.addEventListener('message', (event) => {
    const d = event.data as { ns?: unknown; kind?: string; id?: string } | null;
    if (d?.ns !== ns) return;
    if (event.source !== window) attack.forged.push(String(d.kind));
    else if (d.kind === 'request') attack.ownIds.push(String(d.id));
    else if (d.kind === 'event') attack.rawEvents.push(d);
  });
}

/** What the recorder holds (self-contained, for evaluate). */
const recorded = () => {
  const { forged, ownIds, rawEvents, settled } = (window as unknown as { attack: Recorder }).attack;
  return { forged: [...forged], ownIds: [...ownIds], rawEvents: rawEvents.length, settled };
};

/** Envelopes shaped like the relay's, with every claim a hostile page might add. */
function forgeries(ns: string, id: string, victim: string, grantId: string) {
  const fakeGrant = {
    id: 'forged-grant',
    origin: victim,
    atSign: '@mallory',
    personaId: 'forged',
    fields: ['name', 'email'],
    grantedAt: 0,
    expiresAt: null,
  };
  return [
    {
      ns,
      kind: 'response',
      id,
      ok: true,
      result: { atSign: '@mallory', persona: { id: 'x', name: 'X' }, grant: fakeGrant, profile: { name: 'Mallory' } },
    },
    { ns, kind: 'response', id, ok: false, error: { code: 4001, message: 'forged' } },
    { ns, kind: 'event', origin: victim, name: 'revoked', data: { grantId, reason: 'person' } },
    { ns, kind: 'event', origin: victim, name: 'grantChanged', data: null },
    { ns, kind: 'event', origin: victim, name: 'profileChanged', data: { name: 'Mallory' } },
    { ns, kind: 'request', id: 'forged-disconnect', method: 'atsign_disconnect', origin: victim },
    { ns, kind: 'request', id: 'forged-connect', method: 'atsign_connect', params: { fields: ['email'] } },
    { ns, kind: 'request', id: 'forged-ui', method: 'wallet_revokeGrant', params: { origin: victim } },
    { ns, kind: 'subscribe', origin: victim },
  ];
}

/**
 * A page whose own first script imitates the relay: it posts a `ready` to
 * itself and asks the wallet at once (a request the provider holds) and again
 * when that `ready` arrives (one it sends straight out). A script the server
 * holds back for `slowMs` then keeps the page loading, so the wallet's relay,
 * which starts only once the page has loaded, is not there to hear either.
 */
async function startForgedReadySite(slowMs: number) {
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A page that forges the relay's ready</title>
    <script>
      const ns = ${JSON.stringify(NS)};
      const start = performance.now();
      const at = () => Math.round(performance.now() - start);
      let provider;
      window.addEventListener('atsign:announceProvider', (event) => (provider ??= event.detail.provider));
      window.dispatchEvent(new Event('atsign:requestProvider'));
      const ask = () =>
        provider.request({ method: 'atsign_getGrant' }).then(
          (result) => ({ result, at: at() }),
          (error) => ({ error: { code: error.code, message: error.message }, at: at() }),
        );
      window.forged = { readies: [], loadedAt: null, askedWhile: document.readyState };
      document.addEventListener('DOMContentLoaded', () => (window.forged.loadedAt = at()));
      window.addEventListener('message', (event) => {
        const d = event.data;
        if (event.source !== window || d?.ns !== ns || d.kind !== 'ready' || d.id) return;
        window.forged.readies.push({ at: at(), loading: document.readyState === 'loading' });
        window.forged.sent ??= ask();
      });
      window.postMessage({ ns, kind: 'ready' }, location.origin);
      window.forged.held = ask();
    </script>
    <script src="/slow.js"></script>
  </head>
  <body><h1>Forged ready</h1></body>
</html>`;
  const server = http.createServer((req, res) => {
    if (req.url === '/slow.js') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.slowDone = true;'), slowMs);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps its connection open; close() alone would wait for it.
        server.closeAllConnections();
      }),
  };
}

const siteReady = () => Boolean((window as unknown as Partial<Site>).site?.providers.length);
const listenTo = (name: string) => (window as unknown as { site: { listen(n: string): void } }).site.listen(name);
const eventCount = () => (window as unknown as { site: { events: unknown[] } }).site.events.length;

const approvalId = async (approval: ApprovalPage) =>
  new URL(await approval.page.evaluate(() => location.href, undefined)).searchParams.get('id')!;

describe.each(browserNames)('%s: imitated messages and hostile pages', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;
  let attacker: TestSite;
  let grant: Grant;
  let profile: Record<string, string>;

  /** The site's grant as the wallet lists it, without the parts that move with use. */
  const listed = async () =>
    (await callWallet(wallet, 'wallet_listGrants')).map(({ id, origin, atSign, personaId, fields, expiresAt }) => ({
      id,
      origin,
      atSign,
      personaId,
      fields,
      expiresAt,
    }));
  let listedBefore: Awaited<ReturnType<typeof listed>>;

  /** The site still has exactly its grant and reads exactly its values; the wallet lists the same grants. */
  async function unchanged(page: SitePage) {
    expect(await page.request('atsign_getGrant')).toEqual({ result: grant });
    expect(await page.request('atsign_readProfile')).toEqual({ result: profile });
    expect(await listed()).toEqual(listedBefore);
  }

  beforeAll(async () => {
    [site, attacker] = await Promise.all([startTestSite(), startTestSite()]);
    site.allowFramesFrom(attacker.origin);
    attacker.allowFramesFrom(site.origin);
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    profile = { name: 'Barbara Jones', email: 'barbara@work.example' };
    await fillPersona(wallet, 'Work', { ...profile, nickname: 'BJ' });
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('connect', 'atsign_connect', { fields: ['name', 'email'] });
    const approval = await ApprovalPage.waitFor(wallet);
    await approval.choose({ persona: 'Work', duration: 'Until I revoke' });
    await approval.approve();
    grant = ((await page.settle('connect')).result as { grant: Grant }).grant;
    listedBefore = await listed();
    await page.close();
  });
  afterAll(async () => {
    await wallet?.close();
    await Promise.all([site?.close(), attacker?.close()]);
  });

  it('ignores forged answers, events and requests a cross-origin frame posts to its top page', async () => {
    const top = await SitePage.open(wallet, site.url(`/with-frame.html?src=${attacker.url('/')}`));
    const otherTab = await SitePage.open(wallet, site.url('/'));
    await top.page.evaluate(record, NS);
    for (const page of [top, otherTab]) {
      for (const name of ['revoked', 'grantChanged', 'profileChanged']) await page.listen(name);
    }
    // A request that waits for the person: the one a forged answer would most like to settle.
    await top.start('waiting', 'atsign_connect', { fields: ['name'] });
    const approval = await ApprovalPage.waitFor(wallet);
    await top.page.evaluate(() => {
      const w = window as unknown as { started: Record<string, Promise<unknown>>; attack: Recorder };
      void w.started.waiting!.then(() => (w.attack.settled = true));
    }, undefined);
    const waitingId = (await top.page.evaluate(recorded, undefined)).ownIds.at(-1)!;

    await expect.poll(() => top.page.evaluateInFrame(attacker.origin, siteReady, undefined)).toBe(true);
    const sent = await top.page.evaluateInFrame(
      attacker.origin,
      ({ envelopes, target }) => {
        // Addressed to the parent's own origin (which a frame can know): '*' delivers the same.
        for (const e of envelopes) parent.postMessage(e, target);
        return envelopes.length;
      },
      { envelopes: forgeries(NS, waitingId, site.origin, grant.id), target: site.origin },
    );
    // Every forgery reached the top page…
    await expect.poll(async () => (await top.page.evaluate(recorded, undefined)).forged.length).toBe(sent);
    // …and none of it counted: the waiting request still waits, no listener heard a thing,
    expect(await top.page.evaluate(recorded, undefined)).toMatchObject({ settled: false, rawEvents: 0 });
    expect(await top.events()).toEqual([]);
    expect(await otherTab.events()).toEqual([]);
    // the grant is there, the one window is the real one,
    await unchanged(top);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(1);
    // and the person's answer is what the site gets.
    await approval.reject();
    expect((await top.settle('waiting')).error?.code).toBe(4001);
    expect(await top.events()).toEqual([]);
    await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(0);
    await Promise.all([top.close(), otherTab.close()]);
  });

  it('ignores envelopes a top page posts into a frame of another origin', async () => {
    const top = await SitePage.open(wallet, attacker.url(`/with-frame.html?src=${site.url('/')}`));
    await expect.poll(() => top.page.evaluateInFrame(site.origin, siteReady, undefined)).toBe(true);
    await top.page.evaluateInFrame(site.origin, record, NS);
    for (const name of ['revoked', 'grantChanged', 'profileChanged'])
      await top.page.evaluateInFrame(site.origin, listenTo, name);
    const sent = await top.page.evaluate(
      ({ envelopes, target }) => {
        const frame = document.querySelector('iframe')!.contentWindow!;
        for (const e of envelopes) frame.postMessage(e, target);
        return envelopes.length;
      },
      { envelopes: forgeries(NS, 'any-id', site.origin, grant.id), target: site.origin },
    );
    const inFrame = () => top.page.evaluateInFrame(site.origin, recorded, undefined);
    await expect.poll(async () => (await inFrame()).forged.length).toBe(sent);
    expect((await top.page.evaluateInFrame(site.origin, recorded, undefined)).rawEvents).toBe(0);
    expect(await top.page.evaluateInFrame(site.origin, eventCount, undefined)).toBe(0);
    // The framed site asks for itself and is answered as itself; nothing changed.
    expect(
      await top.page.evaluateInFrame(
        site.origin,
        () => (window as unknown as Site).site.request('atsign_getGrant'),
        undefined,
      ),
    ).toEqual({ result: grant });
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    const own = await SitePage.open(wallet, site.url('/'));
    await unchanged(own);
    await Promise.all([top.close(), own.close()]);
  });

  it('names the caller from the browser, whatever a page’s own envelopes claim', async () => {
    const page = await SitePage.open(wallet, attacker.url('/'));
    const victim = await SitePage.open(wallet, site.url('/'));
    await victim.listen('revoked');
    await victim.listen('grantChanged');
    const claims = {
      origin: site.origin,
      topOrigin: site.origin,
      sender: {
        origin: site.origin,
        url: `${site.origin}/`,
        id: 'wallet@atsign-wallet.org',
        tab: { id: 1, url: `${site.origin}/` },
      },
      tabId: 1,
      frameId: 0,
      caller: { kind: 'page', origin: site.origin },
    };
    const raw = (method: string, params?: unknown) => page.postRaw({ ns: NS, kind: 'request', method, params, ...claims });
    expect(await raw('atsign_getGrant')).toEqual({ result: null });
    expect((await raw('atsign_readProfile')).error?.code).toBe(4100);
    expect((await raw('atsign_readProfile', { fields: ['name'] })).error?.code).toBe(4100);
    // The attacker gives back what it has — nothing — and the site keeps its grant.
    expect(await raw('atsign_disconnect')).toEqual({ result: null });
    expect((await page.request('atsign_disconnect', { origin: site.origin })).error?.code).toBe(-32602);
    expect((await page.request('atsign_readProfile', { origin: site.origin })).error?.code).toBe(-32602);
    // Events a page posts to itself stay in that page: the relay carries none to the wallet.
    await page.page.evaluate(
      ({ ns, victim, grantId }) => {
        for (const name of ['revoked', 'grantChanged'])
          window.postMessage(
            { ns, kind: 'event', origin: victim, name, data: { grantId, reason: 'site' } },
            location.origin,
          );
      },
      { ns: NS, victim: site.origin, grantId: grant.id },
    );
    await unchanged(victim);
    expect(await victim.events()).toEqual([]);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    await Promise.all([page.close(), victim.close()]);
  });

  it('sends a page that subscribes in another origin’s name none of that origin’s events', async () => {
    const spy = await SitePage.open(wallet, attacker.url('/'));
    await spy.page.evaluate(record, NS);
    await spy.page.evaluate(
      ({ ns, victim }) => {
        window.postMessage({ ns, kind: 'subscribe', origin: victim }, location.origin);
        const claims = { origin: victim, frameId: 0, tabId: 1, sender: { origin: victim } };
        window.postMessage({ ns, kind: 'subscribe', ...claims }, location.origin);
      },
      { ns: NS, victim: site.origin },
    );
    await spy.listen('profileChanged');
    const victim = await SitePage.open(wallet, site.url('/'));
    await victim.listen('profileChanged');

    profile = { ...profile, name: 'Barbara J. Jones' };
    await fillPersona(wallet, 'Work', { name: profile.name! });
    await expect.poll(() => victim.events()).toEqual([{ name: 'profileChanged', data: { name: profile.name } }]);
    // One more round trip for the spy, then look: nothing arrived for it.
    expect(await spy.request('atsign_getGrant')).toEqual({ result: null });
    expect((await spy.page.evaluate(recorded, undefined)).rawEvents).toBe(0);
    expect(await spy.events()).toEqual([]);
    await Promise.all([spy.close(), victim.close()]);
  });

  it('answers every wallet_* method 4200 however dressed, and a waiting request stays the person’s', async () => {
    const victim = await SitePage.open(wallet, site.url('/'));
    await victim.start('waiting', 'atsign_connect', { fields: ['name', 'email'] });
    const approval = await ApprovalPage.waitFor(wallet);
    const id = await approvalId(approval);
    const persona = (await callWallet(wallet, 'wallet_listPersonas')).find((p) => p.name === 'Work')!;
    const page = await SitePage.open(wallet, attacker.url('/'));

    const plausible: Record<string, unknown> = {
      wallet_setup: { passphrase: 'an attacker’s passphrase' },
      wallet_unlock: { passphrase: PASSPHRASE },
      wallet_changePassphrase: { current: PASSPHRASE, next: 'an attacker’s passphrase' },
      wallet_setAutoLock: { minutes: 0 },
      wallet_exportAtKeys: { atSign: '@barbara', passphrase: PASSPHRASE },
      wallet_removeAtSign: { atSign: '@barbara', passphrase: PASSPHRASE },
      wallet_setActiveAtSign: { atSign: '@barbara' },
      wallet_createAtSign: { atSign: '@mallory' },
      wallet_deletePersona: { id: persona.id },
      wallet_savePersona: { id: persona.id, name: 'Work', fields: { name: 'Mallory' }, labels: {} },
      wallet_revokeGrant: { origin: site.origin },
      wallet_updateGrant: { origin: site.origin, removeField: 'email' },
      wallet_getApproval: { id },
      wallet_answerApproval: {
        id,
        answer: { approve: true, personaId: persona.id, fields: ['name', 'email'], duration: 'forever' },
      },
    };
    const uiMethods = Object.entries(methods)
      .filter(([, spec]) => spec.caller === 'ui')
      .map(([name]) => name);
    expect(uiMethods.length).toBeGreaterThan(20);
    const dressed = {
      caller: 'ui',
      kind: 'request',
      origin: wallet.extensionOrigin,
      sender: {
        id: 'wallet@atsign-wallet.org',
        url: `${wallet.extensionOrigin}/popup.html`,
        origin: wallet.extensionOrigin,
      },
    };
    const answers = await Promise.all(
      uiMethods.flatMap((method) => [
        page.request(method, plausible[method]).then((a) => [method, a.error?.code]),
        page
          .postRaw({ ns: NS, method, params: plausible[method], ...dressed })
          .then((a) => [`${method} dressed`, a.error?.code]),
        // From a frame of the site itself, too: the origin does not matter.
        victim.request(method, plausible[method]).then((a) => [`${method} from the site`, a.error?.code]),
      ]),
    );
    expect(answers.filter(([, code]) => code !== 4200)).toEqual([]);

    // The person's window is still the one in charge: it still shows the site's request.
    expect(await wallet.countExtensionPages('/approve.html')).toBe(1);
    expect(await approval.text()).toContain('Full name');
    await approval.reject();
    expect((await victim.settle('waiting')).error?.code).toBe(4001);
    await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(0);
    // The vault is still unlocked, the persona and grant untouched, the passphrase the person's.
    await unchanged(victim);
    expect((await callWallet(wallet, 'wallet_listPersonas')).find((p) => p.name === 'Work')!.fields).toEqual(persona.fields);
    await callWallet(wallet, 'wallet_lock');
    await callWallet(wallet, 'wallet_unlock', { passphrase: PASSPHRASE });
    await Promise.all([page.close(), victim.close()]);
  });

  it('cannot be reached through the browser’s own extension messaging from a page', async () => {
    const manifest = JSON.parse(readFileSync(`${extensionDir(browserName)}/manifest.json`, 'utf8')) as object;
    expect(manifest).not.toHaveProperty('externally_connectable');
    const page = await SitePage.open(wallet, attacker.url('/no-csp.html'));
    const ids = [new URL(wallet.extensionOrigin).host, 'wallet@atsign-wallet.org'];
    const tried = await page.page.evaluate(
      async ({ ns, ids }) => {
        type Runtime = { sendMessage?: (...args: unknown[]) => Promise<unknown>; connect?: (...args: unknown[]) => unknown };
        const scope = globalThis as unknown as { chrome?: { runtime?: Runtime }; browser?: { runtime?: Runtime } };
        const runtimes = [scope.chrome?.runtime, scope.browser?.runtime].filter((r): r is Runtime => Boolean(r));
        const out: string[] = [];
        for (const runtime of runtimes) {
          for (const id of ids) {
            try {
              const reply = await runtime.sendMessage?.(id, { ns, kind: 'request', method: 'wallet_listGrants' });
              out.push(`answered ${JSON.stringify(reply)}`);
            } catch {
              out.push('refused');
            }
          }
        }
        return { runtimes: runtimes.length, out };
      },
      { ns: NS, ids },
    );
    // Neither browser gives a web page a runtime it could address the wallet with.
    expect(tried.out.filter((o) => o !== 'refused')).toEqual([]);
    await page.close();
  });

  it('posts a page nothing but its own envelopes, from its first moment: no notice naming the extension', async () => {
    const page = await SitePage.open(wallet, attacker.url('/no-csp.html'));
    const heard = await page.page.evaluate(async () => {
      const w = window as unknown as { heard: unknown[]; site: Site['site'] };
      // A request and its answer, so the wallet has had its say on this page.
      await w.site.request('atsign_getGrant');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return w.heard.map((data) => JSON.stringify(data) ?? String(data));
    }, undefined);
    const kinds = heard.map((text) => {
      const d = JSON.parse(text) as { ns?: unknown; kind?: unknown };
      return d.ns === NS ? String(d.kind) : `foreign: ${text}`;
    });
    // The page's own request and the wallet's answer, both in our envelope.
    expect(kinds).toContain('request');
    expect(kinds).toContain('response');
    expect(kinds.filter((k) => k.startsWith('foreign'))).toEqual([]);
    const id = new URL(wallet.extensionOrigin).host;
    expect(heard.filter((text) => text.includes(id) || text.includes('wallet@atsign-wallet.org') || /wxt/i.test(text))).toEqual([]);
    await page.close();
  });

  it('does not let a site fetch, frame or open the approval page, even for a request really waiting', async () => {
    const asker = await SitePage.open(wallet, site.url('/'));
    await asker.start('waiting', 'atsign_connect', { fields: ['name'], purpose: 'To see who you are' });
    const approval = await ApprovalPage.waitFor(wallet);
    const url = `${wallet.extensionOrigin}/approve.html?id=${await approvalId(approval)}`;
    // A page with no CSP of its own, so that only the browser and the wallet stand in the way.
    const page = await SitePage.open(wallet, attacker.url('/no-csp.html'));
    const seen = await page.page.evaluate(async (url) => {
      const fetched = await fetch(url).then(
        async (r) => `read ${r.status}: ${(await r.text()).slice(0, 40)}`,
        () => 'refused',
      );
      const frame = document.createElement('iframe');
      frame.src = url;
      const settled = new Promise((resolve) => {
        frame.onload = resolve;
        frame.onerror = resolve;
      });
      document.body.append(frame);
      await settled;
      let opened = 'refused';
      let win: Window | null = null;
      try {
        win = window.open(url, '_blank');
      } catch {
        opened = 'refused';
      }
      if (win) {
        // Kept open, so the browser's list of pages can be checked for it below.
        (window as unknown as { opened: Window }).opened = win;
        // A new window starts as this page's own blank document; wait until it has gone somewhere.
        const w = win;
        await new Promise<void>((resolve) => {
          const look = () => {
            try {
              if (w.document.readyState === 'complete' && w.location.href !== 'about:blank') {
                opened = `scriptable at ${w.location.href}: ${w.document.body?.innerText ?? ''}`;
                resolve();
                return;
              }
            } catch {
              opened = 'unscriptable';
              resolve();
              return;
            }
            setTimeout(look, 50);
          };
          look();
        });
      }
      return { fetched, opened };
    }, url);
    expect(seen.fetched).toBe('refused');
    // Firefox refuses to open it at all; Chromium opens a window on an error page of another origin.
    expect(seen.opened).toMatch(/^(refused|unscriptable)$/);
    // Neither the frame nor that window holds the wallet's page: the browser
    // knows of no frame at the wallet's origin in the site's page, and the
    // only approval page is the wallet's own window.
    const walletFrame = Promise.resolve().then(() =>
      page.page.evaluateInFrame(wallet.extensionOrigin, () => document.body.innerText, undefined),
    );
    await expect(walletFrame).rejects.toThrow(/no frame/);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(1);
    await page.page.evaluate(() => (window as unknown as { opened?: Window }).opened?.close(), undefined);

    // Not even the wallet's own pages may frame it (frame-ancestors 'none').
    const popup = await wallet.openExtensionPage('/popup.html');
    const ownFrame = await popup.evaluate(async (url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      const settled = new Promise((resolve) => (frame.onload = resolve));
      document.body.append(frame);
      await settled;
      return frame.contentDocument ? `readable: ${frame.contentDocument.body?.innerText ?? ''}` : 'unreadable';
    }, url);
    expect(ownFrame).toBe('unreadable');
    await popup.close();

    // The request still waits in the one real window, and the person's answer is the site's.
    expect(await approval.text()).toContain('To see who you are');
    await approval.reject();
    expect((await asker.settle('waiting')).error?.code).toBe(4001);
    await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(0);
    await unchanged(asker);
    await Promise.all([page.close(), asker.close()]);
  });

  it('refuses prototype-pollution keys and names with -32602 (or 4200 for a method), and still answers right', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const results = await page.page.evaluate(async () => {
      const { site } = window as unknown as Site;
      // JSON.parse makes "__proto__" an own key, as a site's parsed input would have it.
      const json = (text: string) => JSON.parse(text) as unknown;
      const nonce = '"nonce":"abcdefgh1234"';
      const cases: [method: string, label: string, params: unknown][] = [];
      // (Own keys named after what every object inherits, such as "__proto__"
      // or "constructor", have tests of their own below.)
      const keys = [
        '"prototype":{"fields":["email"]}',
        '"__proto__ ":{"isAdmin":true}',
        '"__PROTO__":{"fields":["email"]}',
        '"constructor.prototype":{"isAdmin":true}',
        '"prototype":{"constructor":{"prototype":{"isAdmin":true}}}',
      ];
      const base: Record<string, string> = {
        atsign_connect: '"fields":["name"],',
        atsign_readProfile: '"fields":["name"],',
        atsign_signIn: `${nonce},`,
        atsign_getGrant: '',
        atsign_disconnect: '',
      };
      for (const [method, prefix] of Object.entries(base)) {
        for (const key of keys) cases.push([method, `own key ${key}`, json(`{${prefix}${key}}`)]);
        cases.push([method, 'array with own __proto__', json('[{"__proto__":{"x":1}}]')]);
      }
      // Inside the values, too.
      const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineSetter__'];
      for (const field of names) {
        cases.push(['atsign_connect', `field ${field}`, { fields: [field] }]);
        cases.push(['atsign_connect', `optional field ${field}`, { fields: ['name'], optionalFields: [field] }]);
        cases.push(['atsign_readProfile', `field ${field}`, { fields: [field] }]);
      }
      cases.push(['atsign_connect', 'fields as an object', json('{"fields":{"__proto__":["name"],"length":1}}')]);
      cases.push(['atsign_connect', 'purpose with own __proto__', json('{"fields":["name"],"purpose":{"__proto__":"x"}}')]);
      const resources = json(`{${nonce},"resources":{"__proto__":["https://a.example"]}}`);
      cases.push(['atsign_signIn', 'resources as an object', resources]);
      const domain = json(`{${nonce},"domain":"bank.example","uri":"https://bank.example"}`);
      cases.push(['atsign_signIn', 'a domain of its own', domain]);

      const methodNames = [
        ...names,
        'isPrototypeOf',
        '__lookupGetter__',
        'ATSIGN_GETGRANT',
        'atsign_getGrant ',
        'atsign_getGrant\u0000',
        'atsign_connect.call',
      ];
      const code = async (method: string, params?: unknown) => (await site.request(method, params)).error?.code;
      const answers = await Promise.all(
        cases.map(async ([method, label, params]) => ({ label: `${method}: ${label}`, code: await code(method, params) })),
      );
      const methods = await Promise.all(
        methodNames.map(async (method) => ({ label: `method ${JSON.stringify(method)}`, code: await code(method) })),
      );
      return { answers, names: methods };
    }, undefined);
    expect(results.answers.length).toBeGreaterThan(50);
    expect(results.answers.filter((a) => a.code !== -32602)).toEqual([]);
    expect(results.names.filter((a) => a.code !== 4200)).toEqual([]);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    await unchanged(page);
    // A page of another origin still gets its own (empty) answer.
    const other = await SitePage.open(wallet, attacker.url('/'));
    expect(await other.request('atsign_getGrant')).toEqual({ result: null });
    await Promise.all([page.close(), other.close()]);
  });

  /**
   * Params with an own key named after something every object inherits
   * ("__proto__", "constructor", …), as JSON.parse makes them from
   * attacker-supplied JSON, sent by a page of an origin with no grant. Each
   * outcome is the answer, or the window the wallet opened (which the person
   * then rejects). The first test checks none of it takes effect; the second
   * checks the contract's code.
   */
  const shadowKeys = [
    '"__proto__":{"fields":["email"],"origin":"BANK","domain":"bank.example","isAdmin":true}',
    '"__proto__":null',
    '"constructor":{"prototype":{"fields":["email"],"origin":"BANK"}}',
    '"toString":"BANK"',
    '"valueOf":{"__proto__":{"isAdmin":true}}',
    '"hasOwnProperty":false',
    '"__defineGetter__":"fields"',
  ];
  const answeredAtOnce: Record<string, string> = { atsign_getGrant: '', atsign_readProfile: '', atsign_disconnect: '' };
  const mayAsk: Record<string, string> = { atsign_connect: '"fields":["name"],', atsign_signIn: '"nonce":"abcdefgh1234",' };
  type ShadowOutcome = { label: string; code?: number; result?: unknown; window?: string };
  let shadowOutcomes: ShadowOutcome[] = [];

  it('never lets an own "__proto__" or "constructor" key in params take effect', async () => {
    const page = await SitePage.open(wallet, attacker.url('/'));
    const text = (prefix: string, key: string) => `{${prefix}${key.replace('BANK', site.origin)}}`;
    const atOnce = Object.entries(answeredAtOnce).flatMap(([method, prefix]) =>
      shadowKeys.map((key) => [method, text(prefix, key)]),
    );
    const answers = await page.page.evaluate(
      (cases) =>
        Promise.all(cases.map(([method, text]) => (window as unknown as Site).site.request(method, JSON.parse(text!)))),
      atOnce,
    );
    shadowOutcomes = answers.map((a, i) => ({ label: atOnce[i]!.join(' '), code: a.error?.code, result: a.result }));
    // Requests that may open a window go one at a time: the first two keys, and "constructor".
    for (const [method, prefix] of Object.entries(mayAsk)) {
      for (const key of shadowKeys.slice(0, 3)) {
        const params = text(prefix, key);
        await page.page.evaluate(
          ({ method, params }) => {
            const w = window as unknown as Site & { probe: { done: boolean; answer?: Answer } };
            const probe: { done: boolean; answer?: Answer } = { done: false };
            w.probe = probe;
            void w.site.request(method, JSON.parse(params)).then((answer) => Object.assign(probe, { done: true, answer }));
          },
          { method, params },
        );
        const done = () =>
          page.page.evaluate(() => (window as unknown as { probe: { done: boolean } }).probe.done, undefined);
        // Answered at once, or waiting for the person in a window.
        await expect
          .poll(async () => (await done()) || (await wallet.countExtensionPages('/approve.html')) > 0, { timeout: 15_000 })
          .toBe(true);
        const outcome: ShadowOutcome = { label: `${method} ${params}` };
        if (!(await done())) {
          const approval = await ApprovalPage.waitFor(wallet);
          outcome.window = await approval.text();
          await approval.reject();
          await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(0);
        }
        const answer = await page.page.evaluate(
          () => (window as unknown as { probe: { answer: Answer } }).probe.answer,
          undefined,
        );
        shadowOutcomes.push({ ...outcome, code: answer.error?.code, result: answer.result });
      }
    }
    expect(shadowOutcomes).toHaveLength(27);
    for (const outcome of shadowOutcomes) {
      // Whatever the answer, it is the attacker's own: no grant, nothing read, no one else's name.
      expect([-32602, 4100, 4001, undefined]).toContain(outcome.code);
      expect(outcome.result ?? null).toBeNull();
      if (outcome.window !== undefined) {
        expect(outcome.window).not.toMatch(/bank\.example|Email/);
        expect(outcome.window).toContain(new URL(attacker.origin).port);
      }
    }
    const victim = await SitePage.open(wallet, site.url('/'));
    await unchanged(victim);
    await Promise.all([page.close(), victim.close()]);
  });

  // Firefox shows a content script page objects through wrappers that hide
  // own keys named after Object.prototype members; the provider therefore
  // sends params as JSON text, which arrives whole, and the background
  // refuses these keys like any unknown key.
  it(
    'answers own "__proto__"/"constructor"-like keys in params -32602, like any unknown key',
    () => {
      expect(shadowOutcomes).toHaveLength(27);
      expect(shadowOutcomes.filter((o) => o.code !== -32602 || o.window !== undefined)).toEqual([]);
    },
  );

  it('refuses 1 MB strings, huge lists, many keys and deep nesting with -32602 in every page method', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const results = await page.page.evaluate(async () => {
      const { site } = window as unknown as Site;
      const mb = 'x'.repeat(1_000_000);
      const nonce = 'abcdefgh1234';
      const huge = (item: unknown) => Array.from({ length: 100_000 }, () => item);
      const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
      const nested = (depth: number, leaf: unknown, wrap: (v: unknown) => unknown) => {
        let v = leaf;
        for (let i = 0; i < depth; i++) v = wrap(v);
        return v;
      };
      const deep = (depth: number) => nested(depth, 'name', (v) => [v]);
      const deepObj = (depth: number) => nested(depth, 'name', (v) => ({ fields: v }));
      const cases: [method: string, label: string, params: unknown][] = [
        ['atsign_connect', '1 MB purpose', { fields: ['name'], purpose: mb }],
        ['atsign_connect', '1 MB field name', { fields: [`x-${mb}`] }],
        ['atsign_connect', '1 MB optional field name', { fields: ['name'], optionalFields: [mb] }],
        ['atsign_connect', '100,000 fields', { fields: huge('name') }],
        ['atsign_connect', '100,000 optional fields', { fields: ['name'], optionalFields: huge('email') }],
        ['atsign_connect', 'a sparse list of a million', { fields: new Array(1_000_000) }],
        ['atsign_connect', '50,000 keys', { fields: ['name'], ...manyKeys }],
        ['atsign_connect', '1 MB key', { fields: ['name'], [mb]: 1 }],
        ['atsign_readProfile', '1 MB field name', { fields: [mb] }],
        ['atsign_readProfile', '100,000 fields', { fields: huge('name') }],
        ['atsign_readProfile', '50,000 keys', manyKeys],
        ['atsign_readProfile', '1 MB string as params', mb],
        ['atsign_getGrant', '1 MB string as params', mb],
        ['atsign_getGrant', '1 MB value', { pad: mb }],
        ['atsign_getGrant', '100,000 items', huge(0)],
        ['atsign_getGrant', '50,000 keys', manyKeys],
        ['atsign_disconnect', '1 MB value', { pad: mb }],
        ['atsign_disconnect', '100,000 items', huge('x')],
        ['atsign_disconnect', '50,000 keys', manyKeys],
        ['atsign_signIn', '1 MB nonce', { nonce: mb }],
        ['atsign_signIn', '1 MB statement', { nonce, statement: mb }],
        ['atsign_signIn', '1 MB request id', { nonce, requestId: mb }],
        ['atsign_signIn', '1 MB resource', { nonce, resources: [`https://${mb}`] }],
        ['atsign_signIn', '100,000 resources', { nonce, resources: huge('https://a.example') }],
        ['atsign_signIn', '1 MB time', { nonce, expirationTime: mb }],
      ];
      for (const depth of [50, 100, 200, 1_000, 10_000]) {
        cases.push(['atsign_connect', `lists nested ${depth} deep`, { fields: deep(depth) }]);
        cases.push(['atsign_readProfile', `objects nested ${depth} deep`, deepObj(depth)]);
        cases.push(['atsign_getGrant', `lists nested ${depth} deep`, deep(depth)]);
        cases.push(['atsign_disconnect', `objects nested ${depth} deep`, deepObj(depth)]);
        cases.push(['atsign_signIn', `objects nested ${depth} deep`, { nonce, resources: deep(depth) }]);
      }
      return Promise.all(
        cases.map(async ([method, label, params]) => {
          const answer = await site.request(method, params);
          return { label: `${method}: ${label}`, code: answer.error?.code, message: answer.error?.message.slice(0, 80) };
        }),
      );
    }, undefined);
    expect(results.filter((r) => r.code !== -32602)).toEqual([]);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    await unchanged(page);
    await page.close();
  });

  it('rejects early requests -32603 within the timeout when the page forged the relay’s ready, and answers the next', async () => {
    const forging = await startForgedReadySite(1500);
    try {
      const page = await wallet.newPage(forging.url);
      type Answer = { result?: unknown; error?: { code: number; message: string }; at: number };
      type Forged = {
        readies: { at: number; loading: boolean }[];
        loadedAt: number;
        askedWhile: string;
        held: Promise<Answer>;
        sent: Promise<Answer>;
      };
      const early = await page.evaluate(async (waitMs) => {
        const forged = (window as unknown as { forged: Forged }).forged;
        // Never waits for ever: a request still pending after waitMs shows as 'hung'.
        const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), waitMs));
        const [held, sent] = await Promise.all([Promise.race([forged.held, hung]), Promise.race([forged.sent, hung])]);
        return { held, sent, readies: forged.readies, loadedAt: forged.loadedAt, askedWhile: forged.askedWhile };
      }, REQUEST_TIMEOUT_MS * 3);
      // The forged ready came while the page was loading; the relay's own came
      // after, and neither could bring back what had gone to no one.
      expect(early.askedWhile).toBe('loading');
      expect(early.readies[0]).toMatchObject({ loading: true });
      expect(early.readies.length).toBeGreaterThanOrEqual(2);
      for (const answer of [early.held, early.sent]) {
        expect(answer).toEqual({ error: { code: -32603, message: expect.any(String) }, at: expect.any(Number) });
        if (answer === 'hung') continue;
        // The clock starts at DOMContentLoaded (the relay cannot start before): then at most the timeout.
        expect(answer.at - early.loadedAt).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
        expect(answer.at - early.loadedAt).toBeLessThan(REQUEST_TIMEOUT_MS + 2500);
      }
      // The page can ask again: the real relay says it has the request, and the wallet answers.
      const again = await page.evaluate(
        () =>
          new Promise((resolve) => {
            window.addEventListener('atsign:announceProvider', (event) => {
              const { provider } = (event as CustomEvent<{ provider: { request(a: object): Promise<unknown> } }>).detail;
              provider.request({ method: 'atsign_getGrant' }).then(
                (result) => resolve({ result }),
                (error: { code: number }) => resolve({ error: error.code }),
              );
            }, { once: true });
            window.dispatchEvent(new Event('atsign:requestProvider'));
          }),
        undefined,
      );
      expect(again).toEqual({ result: null });
      await page.close();
    } finally {
      await forging.close();
    }
  });
});
