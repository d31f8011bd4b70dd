// Sign in with atSign in real browsers: the wallet writes the message from the
// tab's real origin, shows it, signs it; a site verifies it with the SDK.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SignInResult } from '@/src/shared/methods/page';
import { verifySignIn } from '@/packages/sdk/src/node';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

describe.each(browserNames)('%s: sign in with atSign', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;

  beforeAll(async () => {
    site = await startTestSite();
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
  });
  afterAll(async () => {
    await wallet?.close();
    await site?.close();
  });

  const domain = () => new URL(site.origin).host;
  // Confirmed on the local atPlatform the run started, as a site's server would on the real one.
  const { root, ca } = inject('atPlatform');

  it('shows the exact message, signs it, and the SDK verifies it for this domain only', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('signin', 'atsign_signIn', { nonce: 'firstNonce01', statement: 'Sign in to the test site.' });
    const approval = await ApprovalPage.waitFor(wallet);
    const shown = await approval.message();
    expect(shown.split('\n').slice(0, 2)).toEqual([`${domain()} wants you to sign in with your atSign:`, '@barbara']);
    await approval.keepSignedIn();
    await approval.approve();
    const { result } = await page.settle('signin');
    const response = result as SignInResult;
    expect(response.message).toBe(shown);
    await expect(verifySignIn(response, { domain: domain(), scheme: 'http', nonce: 'firstNonce01', root, ca })).resolves.toMatchObject({
      atSign: '@barbara',
      keySource: 'atServer',
    });
    await expect(verifySignIn(response, { domain: 'evil.example', scheme: 'http', nonce: 'firstNonce01', root, ca })).rejects.toMatchObject({
      code: 'DOMAIN_MISMATCH',
    });
    await expect(verifySignIn(response, { domain: domain(), scheme: 'http', nonce: 'anotherOne99', root, ca })).rejects.toMatchObject({
      code: 'NONCE_MISMATCH',
    });
    await page.close();
  });

  it('signs in again without a window while kept, and asks again once access is revoked', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const kept = await page.request('atsign_signIn', { nonce: 'secondNonce2' });
    expect((kept.result as SignInResult).message).toContain('Nonce: secondNonce2');
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);

    await callWallet(wallet, 'wallet_revokeGrant', { origin: site.origin });
    await page.start('again', 'atsign_signIn', { nonce: 'thirdNonce33' });
    await (await ApprovalPage.waitFor(wallet)).reject();
    expect((await page.settle('again')).error?.code).toBe(4001);
    await page.close();
  });
});
