// The demo site, end to end, as a person would use it: the sign-in button,
// the wallet's one window (fields and message together), the site's server verifying, the profile shown,
// "Keep me signed in" signing in again with no window, and the site told at
// once when the person revokes it in the wallet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from './harness/demo-site';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';

describe.each(browserNames)('%s: the demo site', (browserName) => {
  let wallet: WalletBrowser;
  let demo: DemoSite;

  beforeAll(async () => {
    demo = await startDemoSite();
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Public', { name: 'Barbara', email: 'barbara@example.org' });
  });
  afterAll(async () => {
    await wallet?.close();
    await demo?.close();
  });

  it('signs in with the button in one window, shows the profile, signs in again with no window while kept, and hears the person revoke', async () => {
    const page = await wallet.newPage(`${demo.origin}/`);
    await page.clickRole('button', 'Sign in with atSign');

    // One window asks for the fields and shows the message to sign.
    const signIn = await ApprovalPage.waitFor(wallet);
    expect(await signIn.page.evaluate(() => document.title, undefined)).toBe(`${new URL(demo.origin).hostname} asks you to sign in and share`);
    await signIn.choose({ persona: 'Public', duration: '30 days' });
    const asked = await signIn.text();
    expect(asked).toContain('barbara@example.org');
    expect(asked).toContain(`URI: ${demo.origin}`);
    expect(await signIn.message()).toContain(`URI: ${demo.origin}`);
    await signIn.keepSignedIn();
    await signIn.approve();
    await expect.poll(() => signIn.closed()).toBe(true);

    await expect.poll(() => page.textOf('#account-heading')).toBe('Signed in as @barbara');
    expect(await page.textOf('#key-source')).toBe('Confirmed by @barbara’s atServer.');
    expect(await page.textOf('#profile-note')).toBe('Signed by your wallet with this sign-in, and checked by Example’s server.');
    const text = await page.evaluate(() => document.body.innerText, undefined);
    expect(text).toContain('barbara@example.org');

    // Kept signed in: signing out and pressing the button again opens no window
    // (the grant covers the fields, and the wallet signs without asking).
    const signedIn = () => page.evaluate(() => !document.getElementById('signed-in')!.hidden, undefined);
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    await page.clickRole('button', 'Sign out');
    await expect.poll(signedIn).toBe(false);
    await expect.poll(() => page.textOf('#notice')).toBe('You signed out.');
    await page.clickRole('button', 'Sign in with atSign');
    await expect.poll(signedIn).toBe(true);
    expect(await page.textOf('#account-heading')).toBe('Signed in as @barbara');
    expect(await page.evaluate(() => document.body.innerText, undefined)).toContain('barbara@example.org');
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);

    await callWallet(wallet, 'wallet_revokeGrant', { origin: demo.origin });
    await expect
      .poll(() => page.evaluate(() => document.body.innerText, undefined))
      .toContain('Your wallet ended this site’s access.');
    await page.close();
  });

  it('refuses a sign-in whose profile a page script changed on its way to the server', async () => {
    const page = await wallet.newPage(`${demo.origin}/`);
    // A script in the page (an injected ad, an extension) rewrites the email the wallet shared.
    await page.evaluate(() => {
      const send = window.fetch.bind(window);
      window.fetch = (input, init) => {
        if (String(input).endsWith('/api/verify') && typeof init?.body === 'string') {
          const body = JSON.parse(init.body) as { response: { profile?: Record<string, string> } };
          if (body.response.profile) body.response.profile.email = 'someone-else@example.org';
          return send(input, { ...init, body: JSON.stringify(body) });
        }
        return send(input, init);
      };
    }, undefined);
    await page.clickRole('button', 'Sign in with atSign');
    const signIn = await ApprovalPage.waitFor(wallet);
    await signIn.choose({ persona: 'Public', duration: 'Only this time' });
    await signIn.approve();
    await expect
      .poll(() => page.textOf('atsign-signin-button [role="status"]'))
      .toBe('The details your wallet shared were changed on the way, so this site did not sign you in. Try again.');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status, undefined)).toBe(401);
    await page.close();
  });
});
