// A click or key press meant for the site cannot answer the wallet's window
// ("double-clickjacking"): a site makes its request on the first click of a
// double click, and the second would land on Approve in the window that just
// opened. The window's answers stay inert until it has been in front of the
// person for a moment, and again after it loses focus. This file uses the e2e
// build, whose delay is stretched (3 s) so that "at once" is at once however
// slow the machine; the shipped delay is 0.7 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

describe.each(browserNames)('%s: a click meant for the site cannot answer the wallet', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;

  beforeAll(async () => {
    site = await startTestSite();
    wallet = await launchWallet(browserName, { build: 'e2e' });
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Work', { name: 'Barbara Jones' });
  });
  afterAll(async () => {
    await wallet?.close();
    await site?.close();
  });

  it('ignores a click and an Enter sent the moment the window opens, and takes the same click after the delay', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('connect', 'atsign_connect', { fields: ['name'] });
    const window = await wallet.waitForExtensionPage('/approve.html');
    await window.clickRoleNow('button', 'Approve');
    await window.pressOn('button', 'Approve', 'Enter');
    await window.pressOn('button', 'Reject', 'Enter');
    const approval = await ApprovalPage.waitFor(wallet);
    // Still open, still asking, and it says why the buttons wait.
    expect(await approval.closed()).toBe(false);
    expect(await approval.isAwake()).toBe(false);
    expect(await approval.text()).toContain('The buttons work once this window has been in front of you for a moment.');

    await approval.choose({ persona: 'Work' });
    await approval.awake();
    await window.clickRole('button', 'Approve');
    expect((await page.settle('connect')).result).toMatchObject({ profile: { name: 'Barbara Jones' } });
    await page.close();
  });
});
