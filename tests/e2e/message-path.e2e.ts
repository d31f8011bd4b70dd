// The whole message path in real browsers: page → inpage provider → content
// relay → background → back, on pages served under a strict CSP.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '@/src/shared/protocol';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { extensionDir } from './harness/extension';
import { grantFor, seedGrants } from './harness/seed';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

describe.each(browserNames)('%s: the message path', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;
  let other: TestSite;

  beforeAll(async () => {
    [site, other] = await Promise.all([startTestSite(), startTestSite()]);
    site.allowFramesFrom(other.origin);
    wallet = await launchWallet(browserName);
    await seedGrants(wallet, [
      grantFor(other.origin, { atSign: '@framed', fields: ['nickname'] }),
      grantFor('https://bank.example', { atSign: '@victim' }),
    ]);
  });
  afterAll(async () => {
    await wallet?.close();
    await Promise.all([site?.close(), other?.close()]);
  });

  it('announces a frozen provider on a strict-CSP page, before the page’s own script asks', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const [first, ...rest] = await page.announcements();
    expect(rest).toEqual([]);
    expect(first!.info).toMatchObject({ name: 'atSign Wallet', rdns: 'org.atsign-wallet' });
    expect(first!.info.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first!.info.icon).toMatch(/^data:image\/svg\+xml,/);
    expect(first!.frozen).toBe(true);
    expect(first!.methods).toEqual(['isAtSignWallet', 'on', 'removeListener', 'request']);
    expect(await page.text('#wallet')).toBe('Wallet found: atSign Wallet');

    await page.requestAnnouncement();
    const again = await page.announcements();
    expect(again).toHaveLength(2);
    expect(again[1]!.info.uuid).toBe(first!.info.uuid);
    await page.close();
  });

  it('announces an icon a page can draw: the wallet’s orange disc, transparent around it', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const [first] = await page.announcements();
    await page.close();
    const probe = await wallet.newPage(site.url('/no-csp.html'));
    const drawn = await probe.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0, 64, 64);
      const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data);
      // A corner outside the disc, and the top of the disc above the "@".
      return { corner: at(1, 1), disc: at(32, 3) };
    }, first!.info.icon!);
    await probe.close();
    expect(drawn.corner[3]).toBe(0);
    expect(drawn.disc).toEqual([0xf0, 0x5e, 0x3e, 255]);
  });

  it('answers a request the page made while it was still loading, before the relay had started', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const early = await page.page.evaluate(
      async () => {
        const { askedWhile, answer } = (window as unknown as { site: { early: { askedWhile: string; answer: Promise<unknown> } } }).site.early;
        return { askedWhile, answer: await answer };
      },
      undefined,
    );
    expect(early).toEqual({ askedWhile: 'loading', answer: { result: null } });
    await page.close();
  });

  it('answers atsign_getGrant with null for a site that has no grant', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    expect(await page.request('atsign_getGrant')).toEqual({ result: null });
    expect(await page.request('atsign_getGrant', {})).toEqual({ result: null });
    await page.close();
  });

  it('refuses unknown methods with 4200, and does not reach the wallet’s own methods', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    expect((await page.request('atsign_stealKeys')).error?.code).toBe(4200);
    const ui = await page.request('wallet_listGrants');
    expect(ui.error?.code).toBe(4200);
    expect(ui.error?.message).toBe('Unknown method "wallet_listGrants"');
    await page.close();
  });

  it('refuses bad params with -32602 and a malformed request with a numeric code', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const bad = await page.request('atsign_getGrant', { origin: 'https://bank.example' });
    expect(bad.error).toEqual({ code: -32602, message: 'Invalid params: params: this method takes no params' });
    expect((await page.request('atsign_getGrant', 'x'.repeat(1_000_000))).error?.code).toBe(-32602);
    expect((await page.request(42)).error?.code).toBe(-32600);
    expect((await page.request(undefined)).error?.code).toBe(-32600);
    // The wallet is still there after all of that.
    expect(await page.request('atsign_getGrant')).toEqual({ result: null });
    await page.close();
  });

  it('attributes a request to the page’s real origin, whatever the message claims', async () => {
    // A hostile envelope: it names an origin twice over. The answer must follow
    // the page's real origin — the grant `other` holds, never bank.example's.
    const claiming = (origin: string) => ({
      ns: NS,
      kind: 'request',
      method: 'atsign_getGrant',
      origin,
      sender: { origin, url: `${origin}/` },
    });

    // A page of an origin without a grant gets nothing, whichever granted origin it claims.
    const bare = await SitePage.open(wallet, site.url('/'));
    expect(await bare.postRaw(claiming('https://bank.example'))).toEqual({ result: null });
    expect(await bare.postRaw(claiming(other.origin))).toEqual({ result: null });
    await bare.close();

    // A page of an origin with a grant gets its own grant, whichever origin it claims.
    const granted = await SitePage.open(wallet, other.url('/'));
    const own = { result: { origin: other.origin, atSign: '@framed', fields: ['nickname'] } };
    expect(await granted.postRaw(claiming('https://bank.example'))).toMatchObject(own);
    expect(await granted.postRaw(claiming(site.origin))).toMatchObject(own);
    await granted.close();
  });

  it('gives a cross-origin iframe its own origin', async () => {
    const page = await SitePage.open(wallet, site.url(`/with-frame.html?src=${other.url('/')}`));
    await expect.poll(() => page.requestInFrame(other.origin, 'atsign_getGrant')).toMatchObject({
      result: { origin: other.origin, atSign: '@framed', fields: ['nickname'] },
    });
    expect(await page.request('atsign_getGrant')).toEqual({ result: null });
    await page.close();
  });

  it('keeps every extension file out of a page’s reach', async () => {
    // On a page without a CSP, so that only the browser's own rules can stop the probe.
    const page = await SitePage.open(wallet, site.url('/no-csp.html'));
    const probe = await page.page.evaluate(async (origin) => {
      const reach = (url: string) =>
        fetch(url).then(
          (r) => r.ok,
          () => false,
        );
      const paths = ['/manifest.json', '/popup.html', '/content-scripts/inpage.js', '/background.js'];
      return {
        ownFile: await reach('/site.js'),
        extension: (await Promise.all(paths.map(async (p) => ((await reach(origin + p)) ? p : null)))).filter(Boolean),
      };
    }, wallet.extensionOrigin);
    expect(probe).toEqual({ ownFile: true, extension: [] });
    await page.close();
  });

  it('ships no web_accessible_resources at all', () => {
    const manifest = JSON.parse(readFileSync(`${extensionDir(browserName)}/manifest.json`, 'utf8')) as object;
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('answers again after the background is stopped, a page already open and a new one', async () => {
    const open = await SitePage.open(wallet, other.url('/'));
    // The open page's relay has its port to the background; stopping it closes the port.
    expect(await open.request('atsign_getGrant')).toMatchObject({ result: { atSign: '@framed' } });
    await wallet.restartBackground();
    expect(await open.request('atsign_getGrant')).toMatchObject({ result: { atSign: '@framed' } });
    const page = await SitePage.open(wallet, other.url('/'));
    expect(await page.request('atsign_getGrant')).toMatchObject({ result: { atSign: '@framed' } });
    await Promise.all([open.close(), page.close()]);
  });
});
