// A timed grant ends on time and the site is told. The wallet's clock is moved
// forward in the e2e build; the shipped build has no such clock.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { extensionDir } from './harness/extension';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

type SessionApi = { storage: { session: { set(items: Record<string, unknown>): Promise<void> } } };

async function moveClock(wallet: WalletBrowser, ms: number) {
  const page = await wallet.openExtensionPage('/popup.html');
  await page.evaluate(async (ms) => {
    const scope = globalThis as unknown as { browser?: SessionApi; chrome: SessionApi };
    await (scope.browser ?? scope.chrome).storage.session.set({ testClockOffsetMs: ms });
  }, ms);
  await page.close();
}

describe.each(browserNames)('%s: grants that run out', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;

  beforeAll(async () => {
    site = await startTestSite();
    wallet = await launchWallet(browserName, { build: 'e2e' });
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Public', { nickname: 'Barb' });
  });
  afterAll(async () => {
    await wallet?.close();
    await site?.close();
  });

  it('ends a "1 hour" grant after an hour, and the open tab hears revoked', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('connect', 'atsign_connect', { fields: ['nickname'] });
    const approval = await ApprovalPage.waitFor(wallet);
    await approval.choose({ persona: 'Public', duration: '1 hour' });
    await approval.approve();
    const { result } = await page.settle('connect');
    const grant = (result as { grant: { id: string; expiresAt: number; grantedAt: number } }).grant;
    expect(grant.expiresAt - grant.grantedAt).toBe(60 * 60_000);
    await page.listen('revoked');

    await moveClock(wallet, 59 * 60_000);
    expect(await page.request('atsign_readProfile')).toEqual({ result: { nickname: 'Barb' } });

    await moveClock(wallet, 60 * 60_000 + 1);
    await expect.poll(() => page.events()).toEqual([{ name: 'revoked', data: { grantId: grant.id, reason: 'expired' } }]);
    expect((await page.request('atsign_readProfile')).error?.code).toBe(4100);
    expect(await page.request('atsign_getGrant')).toEqual({ result: null });
    await page.close();
  });

  it('ships no movable clock', () => {
    const shipped = readFileSync(`${extensionDir(browserName)}/background.js`, 'utf8');
    const e2e = readFileSync(`${extensionDir(browserName, 'e2e')}/background.js`, 'utf8');
    expect(e2e).toContain('testClockOffsetMs');
    expect(shipped).not.toContain('testClockOffsetMs');
  });
});
