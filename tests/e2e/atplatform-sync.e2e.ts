// Personas on the atServer, between two browser profiles of one atSign: one
// wallet imports @bob🛠's key file, the other is added by enrollment with no key
// file and sees what the first wrote; an edit in either reaches the other and
// a site granted it there; the atServer going away (and the browser
// restarting meanwhile) loses nothing; and the
// atServer's store holds nothing readable. The atPlatform here is this file's
// own, so it can be stopped without touching other tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAtKeys } from '@/src/keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../testing/atplatform/index.mjs';
import { browserNames, launchWallet, type E2EPage, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { fillPersona, PASSPHRASE, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

const BOB = '@bob🛠';
const BOB_FILE = fileURLToPath(new URL('../fixtures/atkeys/@bob🛠.atKeys', import.meta.url));
const ENROLL_FORM = 'form[aria-labelledby="enroll-heading"]';
const WORK = { name: 'Robert Builder', email: 'robert@builder.example' };

const state = (wallet: WalletBrowser) => callWallet(wallet, 'wallet_getAtPlatform').then((view) => view.atSigns[0]);
const names = async (wallet: WalletBrowser) => (await callWallet(wallet, 'wallet_listPersonas')).map((p) => p.name);
const fieldsOf = async (wallet: WalletBrowser, name: string) =>
  (await callWallet(wallet, 'wallet_listPersonas')).find((p) => p.name === name)?.fields;

describe.each(browserNames)('%s: personas on the atServer, in two wallets', (browserName) => {
  let platform: LocalAtPlatform;
  let site: TestSite;
  let first: WalletBrowser;
  let second: WalletBrowser;
  let sitePage: SitePage;

  /** The person names this file's root in the wallet's Settings (in Firefox that click also grants host access). */
  async function nameRoot(popup: E2EPage) {
    await popup.clickRole('tab', 'Settings');
    await popup.fillLabel('Root directory', platform.root);
    await popup.clickRole('button', 'Save root');
  }

  /** Waits (in set-up too, where expect.poll is not allowed) until `read` gives `expected`. */
  const until = <T>(read: () => Promise<T>, expected: T, timeout = 20_000) =>
    vi.waitFor(async () => expect(await read()).toEqual(expected), { timeout, interval: 200 });
  const online = (wallet: WalletBrowser) => until(async () => (await state(wallet))?.status.state, 'online', 30_000);

  beforeAll(async () => {
    platform = await startLocalAtPlatform({ atKeys: [BOB_FILE] });
    site = await startTestSite();
    first = await launchWallet(browserName, { trustCa: platform.ca });
    await walletWithAtSign(first, '@bob🛠.atKeys');
    await nameRoot(await first.openExtensionPage('/popup.html'));
    await online(first);
    await fillPersona(first, 'Work', WORK);
    await until(async () => (await state(first))?.personas.waiting, 0);

    // The second profile has no key file: it asks with a one-time code, and the first app approves.
    second = await launchWallet(browserName, { trustCa: platform.ca });
    await callWallet(second, 'wallet_setup', { passphrase: PASSPHRASE });
    const onboarding = await second.openExtensionPage('/onboarding.html');
    await onboarding.waitForRole('heading', 'Add this wallet to an atSign you have');
    await onboarding.evaluate(() => void ((document.querySelector('details.atplatform-root') as HTMLDetailsElement).open = true), undefined);
    await onboarding.fillLabel('Root directory', platform.root);
    await onboarding.clickRole('button', 'Save root');
    await until(async () => (await callWallet(second, 'wallet_getAtPlatform')).root, `https://${platform.root}`);
    const approver = platform.atServer(BOB).core.approver;
    await onboarding.fillLabel('atSign', BOB, ENROLL_FORM);
    await onboarding.fillLabel('One-time code', await approver.otp(), ENROLL_FORM);
    await onboarding.clickRole('button', 'Ask to add this wallet');
    await until(async () => (await approver.list()).some((e) => e.status === 'pending'), true);
    await approver.approve((await approver.list()).find((e) => e.status === 'pending')!.enrollmentId);
    await onboarding.waitForRole('heading', `${BOB} is in your wallet`);
    await online(second);
  });
  afterAll(async () => {
    await sitePage?.close().catch(() => undefined);
    await Promise.all([first?.close(), second?.close()]);
    await site?.close();
    await platform?.stop();
  });

  it('shows the wallet added by enrollment the personas the other wallet wrote, with no duplicates', async () => {
    await expect.poll(() => fieldsOf(second, 'Work'), { timeout: 20_000 }).toEqual(WORK);
    expect(await names(second)).toEqual(['Public', 'Work', 'Family']);
    const ids = async (wallet: WalletBrowser) => (await callWallet(wallet, 'wallet_listPersonas')).map((p) => p.id);
    expect(await ids(second)).toEqual(await ids(first));
  });

  it('brings an edit made in one wallet to the other, and to a site granted it there', async () => {
    sitePage = await SitePage.open(second, site.url('/'));
    await sitePage.start('connect', 'atsign_connect', { fields: ['name', 'email'] });
    const approval = await ApprovalPage.waitFor(second);
    await approval.choose({ persona: 'Work' });
    await approval.approve();
    expect((await sitePage.settle('connect')).result).toMatchObject({ atSign: BOB, profile: WORK });
    await sitePage.listen('profileChanged');
    // The person has the persona page open in the second wallet.
    const editor = await second.openExtensionPage('/personas.html');
    await editor.clickRole('button', 'Work');
    const shownEmail = () =>
      editor.evaluate(() => [...document.querySelectorAll('input')].find((input) => input.labels?.[0]?.textContent?.trim() === 'Email')?.value, undefined);
    await expect.poll(shownEmail, { timeout: 10_000 }).toBe(WORK.email);

    await fillPersona(first, 'Work', { email: 'bob@builder.example', nickname: 'Bobby' });
    await expect.poll(() => sitePage.events(), { timeout: 15_000 }).toEqual([{ name: 'profileChanged', data: { email: 'bob@builder.example' } }]);
    expect(await fieldsOf(second, 'Work')).toEqual({ ...WORK, email: 'bob@builder.example', nickname: 'Bobby' });
    // …and the page shows the new value without being reloaded.
    await expect.poll(shownEmail, { timeout: 10_000 }).toBe('bob@builder.example');
    await editor.close();
  });

  it('keeps working while the atServer is down, keeps the edits waiting, and sends each once when it is back', async () => {
    const server = platform.atServer(BOB);
    await server.stop();
    try {
      await expect.poll(async () => (await state(first))?.status.state, { timeout: 20_000 }).toBe('offline');
      await fillPersona(first, 'Family', { nickname: 'Dad' });
      await callWallet(first, 'wallet_savePersona', { name: 'Garden club', fields: { email: 'bob@garden.example' } });
      expect(await fieldsOf(first, 'Family')).toEqual({ nickname: 'Dad' });
      expect((await state(first))?.personas.waiting).toBe(2);
      const popup = await first.openExtensionPage('/popup.html');
      await popup.clickRole('tab', 'Settings');
      await expect.poll(() => popup.textOf(`li[aria-label="${BOB}"] [data-testid="persona-sync"]`), { timeout: 15_000 }).toMatch(/2 changes waiting to be sent\.$/);
      await popup.close();
      if (first.restartBrowser) {
        // Quit and start again (the wallet locks): what waits is on disk, not in memory.
        first = await first.restartBrowser();
        await callWallet(first, 'wallet_unlock', { passphrase: PASSPHRASE });
        expect((await state(first))?.personas.waiting).toBe(2);
      }
    } finally {
      await server.start();
    }
    for (const wallet of [first, second]) await callWallet(wallet, 'wallet_reconnectAtServer', { atSign: BOB });
    await expect.poll(() => fieldsOf(second, 'Family'), { timeout: 30_000 }).toEqual({ nickname: 'Dad' });
    await expect.poll(() => names(second), { timeout: 15_000 }).toEqual(['Public', 'Work', 'Family', 'Garden club']);
    await expect.poll(async () => (await state(first))?.personas.waiting, { timeout: 15_000 }).toBe(0);
    expect(await names(first)).toEqual(['Public', 'Work', 'Family', 'Garden club']);
  });

  it('leaves nothing readable on the atServer: no persona value, no key, no passphrase', async () => {
    const dump = JSON.stringify(platform.atServer(BOB).core.dump());
    const keys = await readAtKeys(readFileSync(BOB_FILE, 'utf8'));
    // The personas are there, as ciphertext.
    expect(dump).toMatch(/\.personas\.atwallet@bob🛠/);
    for (const secret of ['Robert Builder', 'robert@builder.example', 'bob@builder.example', 'Bobby', 'Dad', 'Garden club', 'bob@garden.example', PASSPHRASE]) {
      expect(dump).not.toContain(secret);
    }
    for (const key of [keys.selfEncryptionKey, keys.encryptionPrivateKey, keys.pkamPrivateKey]) expect(dump).not.toContain(key);
  });

  it('says so and takes no more edits once the other app revokes the enrolled wallet', async () => {
    const approver = platform.atServer(BOB).core.approver;
    const [enrolled] = (await approver.list()).filter((e) => e.status === 'approved' && e.deviceName.startsWith(`atsign-wallet-${browserName}-`));
    await approver.revoke(enrolled!.enrollmentId);
    await expect
      .poll(async () => (await state(second))?.status, { timeout: 30_000 })
      .toEqual({ state: 'refused', problem: 'enrollment-revoked', message: `This wallet’s access to ${BOB} was revoked in another app.` });
    await fillPersona(first, 'Public', { nickname: 'Bob' });
    await expect.poll(async () => (await state(first))?.personas.waiting, { timeout: 15_000 }).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await fieldsOf(second, 'Public')).toEqual({});
  });
});
