// The popup as the person's control room: see a site's access, take part of
// it or all of it away, and read what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

async function connect(wallet: WalletBrowser, page: SitePage) {
  await page.start('connect', 'atsign_connect', { fields: ['name', 'email'] });
  const approval = await ApprovalPage.waitFor(wallet);
  await approval.choose({ persona: 'Work', duration: 'Until I revoke' });
  await approval.approve();
  return page.settle('connect');
}

describe.each(browserNames)('%s: the popup', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;

  beforeAll(async () => {
    site = await startTestSite();
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Work', { name: 'Barbara Jones', email: 'barbara@work.example' });
  });
  afterAll(async () => {
    await wallet?.close();
    await site?.close();
  });

  it('sets how soon the wallet locks itself from the Settings tab, and lists the atSigns', async () => {
    const popup = await wallet.openExtensionPage('/popup.html');
    await popup.clickRole('tab', 'Settings');
    await popup.waitForRole('heading', 'Settings');
    const atSign = (await callWallet(wallet, 'wallet_getState')).activeAtSign!;
    expect(await popup.textOf('.settings-atsigns')).toContain(`${atSign} (active)`);
    await popup.selectLabel('Lock after', '1 hour');
    await expect.poll(async () => (await callWallet(wallet, 'wallet_getState')).autoLockMinutes, { timeout: 5_000 }).toBe(60);
    await popup.selectLabel('Lock after', '15 minutes');
    await expect.poll(async () => (await callWallet(wallet, 'wallet_getState')).autoLockMinutes, { timeout: 5_000 }).toBe(15);
    await popup.close();
  });

  it('removes one field and leaves the others readable', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await connect(wallet, page);
    const popup = await wallet.openExtensionPage('/popup.html');
    await popup.clickRole('button', `Remove Email from ${site.origin}`);
    await expect.poll(() => page.request('atsign_readProfile')).toEqual({ result: { name: 'Barbara Jones' } });
    expect((await page.request('atsign_readProfile', { fields: ['email'] })).error?.code).toBe(4100);
    await Promise.all([popup.close(), page.close()]);
  });

  it('revokes a site at once: the tab hears it, reads fail, and the activity says so in order', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await connect(wallet, page);
    await page.request('atsign_readProfile');
    await page.listen('revoked');

    const popup = await wallet.openExtensionPage('/popup.html');
    await popup.waitForRole('article', site.origin);
    const row = await popup.textOf('article');
    expect(row).toContain('Full name');
    // The read just now is the site's last use.
    expect(row).toMatch(/Last used\s*\S/);
    expect(row).not.toMatch(/Last used\s*not yet/);
    await popup.clickRole('button', `Revoke ${site.origin}`);
    await expect.poll(() => page.events()).toMatchObject([{ name: 'revoked', data: { reason: 'person' } }]);
    expect((await page.request('atsign_readProfile')).error?.code).toBe(4100);

    await popup.clickRole('tab', 'Activity');
    // The export buttons show at once; the entries come when the wallet has read them.
    await popup.waitForRole('list', 'Activity, newest first');
    const kinds = await popup.evaluate(
      () => Array.from(document.querySelectorAll('[aria-label="Activity, newest first"] li'), (li) => li.textContent ?? ''),
      undefined,
    );
    const order = ['Revoked', 'Read', 'Connected'].map((k) => kinds.findIndex((t) => t.includes(k)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const csv = await popup.downloadFrom('button', 'Export CSV');
    if (csv !== null) {
      const [header, ...rows] = csv.trim().split('\n');
      expect(header).toBe('time,kind,origin,fields');
      const mine = rows.filter((r) => r.includes(site.origin)).map((r) => r.split(',')[1]);
      expect(mine.slice(0, 3)).toEqual(['"revoke"', '"read"', '"connect"']);
    }
    await Promise.all([popup.close(), page.close()]);
  });

  it('revokes at once after the background restarted, and the tab hears it', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await connect(wallet, page);
    await page.listen('revoked');
    // The background stops; what it knew of open tabs must come back from storage.
    await wallet.restartBackground();
    const popup = await wallet.openExtensionPage('/popup.html');
    await popup.waitForRole('article', site.origin);
    await popup.clickRole('button', `Revoke ${site.origin}`);
    await expect.poll(() => page.events(), { timeout: 10_000 }).toMatchObject([{ name: 'revoked', data: { reason: 'person' } }]);
    expect((await page.request('atsign_readProfile')).error?.code).toBe(4100);
    await Promise.all([popup.close(), page.close()]);
  });
});
