// Consent in real browsers: a site asks, the person chooses persona, fields and
// time in the wallet's window, and the grant is enforced field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { fillPersona, PASSPHRASE, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';
import { displayHost } from '@/src/ui/shared/origin-display';

const ASK = { fields: ['name', 'email'], optionalFields: ['nickname'], purpose: 'To make your account' };

describe.each(browserNames)('%s: consent and grants', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;
  let other: TestSite;

  beforeAll(async () => {
    [site, other] = await Promise.all([startTestSite(), startTestSite()]);
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Work', { name: 'Barbara Jones', email: 'barbara@work.example', nickname: 'BJ' });
  });
  afterAll(async () => {
    await wallet?.close();
    await Promise.all([site?.close(), other?.close()]);
  });

  it('gives the site exactly the persona and fields the person chose', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('connect', 'atsign_connect', ASK);
    const approval = await ApprovalPage.waitFor(wallet);
    expect(await approval.text()).toContain('To make your account');
    await approval.choose({ persona: 'Work', fields: { Email: false, Nickname: true }, duration: 'Until I revoke' });
    await approval.approve();

    const connected = await page.settle('connect');
    expect(connected.result).toMatchObject({
      atSign: '@barbara',
      persona: { name: 'Work' },
      profile: { name: 'Barbara Jones', nickname: 'BJ' },
      grant: { origin: site.origin, fields: ['name', 'nickname'], expiresAt: null },
    });
    expect(connected.result).not.toHaveProperty('profile.email');
    expect(await page.request('atsign_readProfile')).toEqual({ result: { name: 'Barbara Jones', nickname: 'BJ' } });
    expect((await page.request('atsign_readProfile', { fields: ['email'] })).error?.code).toBe(4100);
    expect((await page.request('atsign_getGrant')).result).toMatchObject({ fields: ['name', 'nickname'] });
    await page.close();
  });

  it('tells every open tab about edits to the fields it was granted, and only those', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const second = await SitePage.open(wallet, site.url('/'));
    await Promise.all([page.listen('profileChanged'), second.listen('profileChanged')]);
    const heard = () => Promise.all([page.events(), second.events()]);
    const barb = { name: 'profileChanged', data: { nickname: 'Barb' } };
    const barbie = { name: 'profileChanged', data: { nickname: 'Barbie' } };

    await fillPersona(wallet, 'Work', { nickname: 'Barb', email: 'new@work.example' });
    await expect.poll(heard).toEqual([[barb], [barb]]);

    // A save that changes only a field the site was not granted tells it
    // nothing. Events go out in the order of the saves, so once the next
    // granted edit has arrived anything about the first would be there too.
    await fillPersona(wallet, 'Work', { email: 'newer@work.example' });
    await fillPersona(wallet, 'Work', { nickname: 'Barbie' });
    await expect.poll(heard).toEqual([
      [barb, barbie],
      [barb, barbie],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await heard()).toEqual([
      [barb, barbie],
      [barb, barbie],
    ]);
    await Promise.all([page.close(), second.close()]);
  });

  it('answers 4001 when the person rejects, or closes the window', async () => {
    const page = await SitePage.open(wallet, other.url('/'));
    await page.start('rejected', 'atsign_connect', ASK);
    await (await ApprovalPage.waitFor(wallet)).reject();
    expect((await page.settle('rejected')).error?.code).toBe(4001);

    await page.start('closed', 'atsign_connect', ASK);
    await (await ApprovalPage.waitFor(wallet)).close();
    expect((await page.settle('closed')).error?.code).toBe(4001);
    expect((await page.request('atsign_getGrant')).result).toBeNull();
    await page.close();
  });

  it('stops a site from asking for a day when the person says so, logs each refusal, and lets it ask again from the popup', async () => {
    const pesky = await startTestSite();
    try {
      const page = await SitePage.open(wallet, pesky.url('/'));
      await page.start('first', 'atsign_connect', ASK);
      await (await ApprovalPage.waitFor(wallet)).rejectForToday();
      expect((await page.settle('first')).error?.code).toBe(4001);

      // Asked again at once: refused with no window, and the log says so.
      expect((await page.request('atsign_connect', ASK)).error).toMatchObject({ code: 4001, message: 'The person asked not to be asked again for a while.' });
      expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
      const logged = await callWallet(wallet, 'wallet_listActivity', { kind: 'quieted' });
      expect(logged.entries[0]).toMatchObject({ kind: 'quieted', origin: pesky.origin, fields: ['name', 'email', 'nickname'] });
      // Other sites still ask.
      const otherPage = await SitePage.open(wallet, other.url('/'));
      await otherPage.start('other', 'atsign_connect', ASK);
      await (await ApprovalPage.waitFor(wallet)).reject();
      expect((await otherPage.settle('other')).error?.code).toBe(4001);
      await otherPage.close();

      const popup = await wallet.openExtensionPage('/popup.html');
      await popup.clickRole('button', `Let ${displayHost(pesky.origin)} ask again`);
      await expect.poll(() => callWallet(wallet, 'wallet_listQuietSites'), { timeout: 10_000 }).toEqual([]);
      await popup.close();
      await page.start('again', 'atsign_connect', ASK);
      await (await ApprovalPage.waitFor(wallet)).reject();
      expect((await page.settle('again')).error?.code).toBe(4001);
      await page.close();
    } finally {
      await pesky.close();
    }
  });

  it('opens one window for 50 rapid requests and answers the rest -32002', async () => {
    const page = await SitePage.open(wallet, other.url('/'));
    for (let i = 0; i < 50; i++) await page.start(`flood-${i}`, 'atsign_connect', ASK);
    const approval = await ApprovalPage.waitFor(wallet);
    const answers = await Promise.all(Array.from({ length: 49 }, (_, i) => page.settle(`flood-${i + 1}`)));
    expect(answers.map((a) => a.error?.code)).toEqual(Array(49).fill(-32002));
    expect(await wallet.countExtensionPages('/approve.html')).toBe(1);
    await approval.reject();
    expect((await page.settle('flood-0')).error?.code).toBe(4001);
    await page.close();
  });

  it('revokes when the site disconnects, and every open tab hears it', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const second = await SitePage.open(wallet, site.url('/'));
    await second.listen('revoked');
    const grant = (await page.request('atsign_getGrant')).result as { id: string };
    expect(await page.request('atsign_disconnect')).toEqual({ result: null });
    expect(await page.request('atsign_getGrant')).toEqual({ result: null });
    expect((await page.request('atsign_readProfile')).error?.code).toBe(4100);
    await expect.poll(() => second.events()).toEqual([{ name: 'revoked', data: { grantId: grant.id, reason: 'site' } }]);
    await Promise.all([page.close(), second.close()]);
  });

  it('does not leave the site hanging when the background restarts mid-approval', async () => {
    const page = await SitePage.open(wallet, other.url('/'));
    await page.start('restart', 'atsign_connect', { fields: ['name'] });
    await ApprovalPage.waitFor(wallet);
    await wallet.restartBackground();
    // The request's answer died with the background: the site is told, cleanly…
    const answer = await page.settle('restart');
    expect(answer.error?.code).toBe(-32603);
    // …the window that could no longer answer anything is closed (the background
    // has to start again first, which can take a while on a busy machine)…
    await expect.poll(() => wallet.countExtensionPages('/approve.html'), { timeout: 15_000 }).toBe(0);
    // …nothing was granted…
    expect(await page.request('atsign_getGrant')).toEqual({ result: null });
    // …and the site can ask again.
    await page.start('again', 'atsign_connect', { fields: ['name'] });
    await (await ApprovalPage.waitFor(wallet)).reject();
    expect((await page.settle('again')).error?.code).toBe(4001);
    await page.close();
  });

  it('lets the person unlock in the window, and the request goes on', async () => {
    await callWallet(wallet, 'wallet_lock');
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('locked', 'atsign_connect', { fields: ['name'] });
    const approval = await ApprovalPage.waitFor(wallet);
    await approval.unlock(PASSPHRASE);
    await approval.choose({ persona: 'Work', duration: '1 hour' });
    await approval.approve();
    const answer = await page.settle('locked');
    expect(answer.result).toMatchObject({ profile: { name: 'Barbara Jones' }, grant: { fields: ['name'] } });
    await page.close();
  });
});
