// Sign-ins a site can trust: the demo site's server confirms each atSign on
// the local atPlatform the run started (a root, and an atServer per demo
// atSign, on the real wire protocol over TLS). An atSign whose keys the
// wallet imported is confirmed; the same name held with another key set, and
// a name the root does not know, are refused — and the site keeps nothing.
// So is an atSign whose atServer is down, on an atPlatform of the test's own.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAtPlatform } from '../../testing/atplatform/index.mjs';
import { startDemoSite, type DemoSite } from './harness/demo-site';
import { browserNames, launchWallet, type E2EPage, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';

const BARBARA_ATKEYS = fileURLToPath(new URL('../fixtures/atkeys/@barbara.atKeys', import.meta.url));

describe.each(browserNames)('%s: sign-ins confirmed on the atPlatform', (browserName) => {
  let wallet: WalletBrowser;
  let demo: DemoSite;

  beforeAll(async () => {
    demo = await startDemoSite();
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet, '@barbara.atKeys');
    // The same name as an atSign the atPlatform knows, with keys of the wallet's own making;
    // and a name no root knows.
    await callWallet(wallet, 'wallet_createAtSign', { atSign: '@bob🛠' });
    await callWallet(wallet, 'wallet_createAtSign', { atSign: '@nobodyhere' });
  });
  afterAll(async () => {
    await wallet?.close();
    await demo?.close();
  });

  /** Opens the demo (`site`, the usual one unless told) as `atSign`, records the button's error codes and the verify route's statuses, and answers its one window. */
  async function signInAs(atSign: string, site: DemoSite = demo): Promise<E2EPage> {
    // A fresh start for each atSign: no grant of the last one's left to sign with.
    const grants = await callWallet(wallet, 'wallet_listGrants');
    if (grants.some((grant) => grant.origin === site.origin)) await callWallet(wallet, 'wallet_revokeGrant', { origin: site.origin });
    await callWallet(wallet, 'wallet_setActiveAtSign', { atSign });
    await fillPersona(wallet, 'Public', { name: 'Someone', email: 'someone@example.org' });
    const page = await wallet.newPage(`${site.origin}/`);
    await page.evaluate(() => {
      const w = window as unknown as { signInErrors: Array<string | number>; verifyStatuses: number[] };
      w.signInErrors = [];
      w.verifyStatuses = [];
      document.addEventListener('atsign-error', (e) => w.signInErrors.push((e as CustomEvent<{ code: string | number }>).detail.code));
      // The status the site's server answered the button's POST with, which the page does not show.
      const pageFetch = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const answer = await pageFetch(input, init);
        if (new URL(String(input), location.href).pathname === '/api/verify') w.verifyStatuses.push(answer.status);
        return answer;
      };
    }, undefined);
    await page.clickRole('button', 'Sign in with atSign');
    const signIn = await ApprovalPage.waitFor(wallet);
    await signIn.choose({ persona: 'Public', duration: '1 hour' });
    expect((await signIn.message()).split('\n')[1]).toBe(atSign);
    await signIn.approve();
    await expect.poll(() => signIn.closed()).toBe(true);
    return page;
  }

  const errorsOn = (page: E2EPage) =>
    page.evaluate(() => (window as unknown as { signInErrors: Array<string | number> }).signInErrors.slice(), undefined);
  const verifyStatusesOn = (page: E2EPage) =>
    page.evaluate(() => (window as unknown as { verifyStatuses: number[] }).verifyStatuses.slice(), undefined);
  const statusOf = (page: E2EPage) => page.textOf('atsign-signin-button [role="status"]');
  /** What the site's server holds for this browser: 401 when it kept no session. */
  const sessionStatus = (page: E2EPage) => page.evaluate(async () => (await fetch('/api/me')).status, undefined);

  it("signs in an atSign whose keys its atServer publishes, and says the atServer confirmed it", async () => {
    const page = await signInAs('@barbara');
    await expect.poll(() => page.textOf('#account-heading')).toBe('Signed in as @barbara');
    expect(await page.textOf('#key-source')).toBe('Confirmed by @barbara’s atServer.');
    const me = await page.evaluate(async () => (await fetch('/api/me')).json(), undefined);
    expect(me).toMatchObject({ atSign: '@barbara', keySource: 'atServer' });
    await page.clickRole('button', 'Sign out');
    await page.close();
  });

  it('refuses a wallet holding another key set under a known atSign (KEY_MISMATCH), and keeps nothing', async () => {
    const page = await signInAs('@bob🛠');
    await expect.poll(() => errorsOn(page)).toEqual(['KEY_MISMATCH']);
    expect(await statusOf(page)).toBe('Your wallet’s keys for this atSign are not the ones its atServer publishes, so this site did not sign you in.');
    expect(await page.evaluate(() => document.getElementById('signed-in')!.hidden, undefined)).toBe(true);
    expect(await sessionStatus(page)).toBe(401);
    await page.close();
  });

  it('refuses an atSign the root does not know (ATSIGN_NOT_FOUND), and keeps nothing', async () => {
    const page = await signInAs('@nobodyhere');
    await expect.poll(() => errorsOn(page)).toEqual(['ATSIGN_NOT_FOUND']);
    expect(await statusOf(page)).toBe('The atPlatform does not know this atSign, so this site could not confirm it. Check that your atSign is activated.');
    expect(await sessionStatus(page)).toBe(401);
    await page.close();
  });

  it('refuses while the atSign’s atServer is down (ATSERVER_UNREACHABLE), keeps nothing, and signs in once it is back', async () => {
    // A root and an atServer of this test's own, behind a demo site of its own:
    // the run's shared atPlatform stays up for every other file. The root keeps
    // naming the stopped atServer, as the real directory does.
    const platform = await startLocalAtPlatform({ atKeys: [BARBARA_ATKEYS] });
    let site: DemoSite | undefined;
    try {
      site = await startDemoSite(platform);
      const barbara = platform.atServer('@barbara');
      await barbara.stop();
      const page = await signInAs('@barbara', site);
      await expect.poll(() => errorsOn(page)).toEqual(['ATSERVER_UNREACHABLE']);
      expect(await verifyStatusesOn(page)).toEqual([503]);
      expect(await statusOf(page)).toBe('Your atSign’s atServer could not be reached, so this site could not confirm your sign-in. Try again later.');
      expect(await page.evaluate(() => document.getElementById('signed-in')!.hidden, undefined)).toBe(true);
      expect(await sessionStatus(page)).toBe(401);
      await page.close();

      // The same wallet and site once the atServer is up again: it was only the atServer.
      await barbara.start();
      const again = await signInAs('@barbara', site);
      await expect.poll(() => again.textOf('#account-heading')).toBe('Signed in as @barbara');
      expect(await verifyStatusesOn(again)).toEqual([200]);
      expect(await again.textOf('#key-source')).toBe('Confirmed by @barbara’s atServer.');
      await again.close();
    } finally {
      await site?.close();
      await platform.stop();
    }
  }, 120_000);
});
