// Adding the wallet to an atSign the person already has, with no key file: a
// fresh wallet asks the atSign's atServer with a one-time code from the
// person's other app, says it waits for approval there, and holds the atSign
// once that app approves — then goes online with its own APKAM key. The other
// app is played by the test over the atPlatform's own protocol.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { AtClient, parseAddress } from '@/src/atplatform';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import { readAtKeys, walletSigningAtKey } from '@/src/keys';
import { connectApprover } from '../../testing/atplatform/remote-approver.mjs';
import { browserNames, launchWallet, type E2EPage, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { PASSPHRASE } from './harness/wallet-setup';

const ALICE = '@alice🛠';
const ALICE_FILE = fileURLToPath(new URL('../fixtures/atkeys/@alice🛠.atKeys', import.meta.url));
const ENROLL_FORM = 'form[aria-labelledby="enroll-heading"]';

function otherApp() {
  const { atServers, ca } = inject('atPlatform');
  return connectApprover({ atSign: ALICE, address: atServers[ALICE]!, ca, atKeys: JSON.parse(readFileSync(ALICE_FILE, 'utf8')) });
}

describe.each(browserNames)('%s: adding the wallet to an atSign by enrollment', (browserName) => {
  let wallet: WalletBrowser;
  let page: E2EPage;
  let signingAtKey: string | null = null;

  beforeAll(async () => {
    wallet = await launchWallet(browserName);
    await callWallet(wallet, 'wallet_setup', { passphrase: PASSPHRASE });
    page = await wallet.openExtensionPage('/onboarding.html');
    // The person names the run's root, as for a private atPlatform.
    await page.waitForRole('heading', 'Add this wallet to an atSign you have');
    await page.evaluate(() => void ((document.querySelector('details.atplatform-root') as HTMLDetailsElement).open = true), undefined);
    await page.fillLabel('Root directory', inject('atPlatform').root);
    await page.clickRole('button', 'Save root');
    await vi.waitFor(async () => expect((await callWallet(wallet, 'wallet_getAtPlatform')).root).toBe(`https://${inject('atPlatform').root}`), { timeout: 15_000 });
  });
  afterAll(async () => {
    await wallet?.close();
    if (signingAtKey === null) return;
    // The atPlatform is the whole run's: leave no key of this wallet behind.
    const keys = await readAtKeys(readFileSync(ALICE_FILE, 'utf8'));
    const { atServers, ca } = inject('atPlatform');
    const owner = await AtClient.connect(parseAddress(atServers[ALICE]!), { connect: tlsConnector({ ca }) });
    await owner.authenticate(ALICE, { pkamPrivateKey: keys.pkamPrivateKey });
    await owner.delete(signingAtKey);
    owner.close();
  });

  async function ask(otp: string) {
    await page.fillLabel('atSign', ALICE, ENROLL_FORM);
    await page.fillLabel('One-time code', otp, ENROLL_FORM);
    await page.clickRole('button', 'Ask to add this wallet');
  }

  /** The request the other app sees from this wallet, waiting. */
  async function pendingRequest() {
    let found: { enrollmentId: string; deviceName: string } | undefined;
    await expect
      .poll(async () => {
        found = (await otherApp().list()).find((e) => e.status === 'pending' && e.deviceName.startsWith(`atsign-wallet-${browserName}-`));
        return found !== undefined;
      }, { timeout: 15_000 })
      .toBe(true);
    return found!;
  }

  it('names a one-time code the atServer does not accept, and adds nothing', async () => {
    await ask('WRONG9');
    // The atServer waits a while before it answers a wrong code.
    await expect
      .poll(() => page.textOf(`${ENROLL_FORM} [role="alert"]`), { timeout: 15_000 })
      .toBe(`${ALICE}’s atServer did not accept the one-time code. Check it, or get a new one from your other app.`);
    expect((await callWallet(wallet, 'wallet_getState')).identities).toEqual([]);
  });

  it('says so when the other app denies the request, and adds nothing', async () => {
    await ask(await otherApp().otp());
    const request = await pendingRequest();
    // The atServer holds the request a moment before the wallet's page hears its answer.
    await expect
      .poll(() => page.textOf(`${ENROLL_FORM} [role="status"]`), { timeout: 15_000 })
      .toContain(`Waiting for approval in your other app. Approve the request from ${request.deviceName} for ${ALICE}.`);
    await otherApp().deny(request.enrollmentId);
    await expect
      .poll(() => page.textOf(`${ENROLL_FORM} [role="alert"]`), { timeout: 20_000 })
      .toBe(`The request to add this wallet to ${ALICE} was denied in your other app.`);
    expect((await callWallet(wallet, 'wallet_getState')).identities).toEqual([]);
  });

  it('holds the atSign once the other app approves, goes online with its own key, and publishes its signing key', async () => {
    await ask(await otherApp().otp());
    const request = await pendingRequest();
    await otherApp().approve(request.enrollmentId);
    await page.waitForRole('heading', `${ALICE} is in your wallet`);
    const [identity] = (await callWallet(wallet, 'wallet_getState')).identities;
    const fileKeys = await readAtKeys(readFileSync(ALICE_FILE, 'utf8'));
    expect(identity).toMatchObject({ atSign: ALICE, source: 'enrolled' });
    // The atSign's own encryption key; a PKAM key of the wallet's own making.
    expect(identity?.fingerprint).toBe(
      Buffer.from(await crypto.subtle.digest('SHA-256', Buffer.from(fileKeys.encryptionPublicKey, 'base64'))).toString('hex'),
    );
    expect(identity?.pkamFingerprint).not.toBe(
      Buffer.from(await crypto.subtle.digest('SHA-256', Buffer.from(fileKeys.pkamPublicKey, 'base64'))).toString('hex'),
    );
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status.state, { timeout: 20_000 })
      .toBe('online');
    signingAtKey = await walletSigningAtKey(ALICE, identity!.signingPublicKey);
    const { atServers, ca } = inject('atPlatform');
    const anyone = await AtClient.connect(parseAddress(atServers[ALICE]!), { connect: tlsConnector({ ca }) });
    try {
      expect((await anyone.lookupAll(signingAtKey.slice('public:'.length)))?.value).toBe(identity?.signingPublicKey);
    } finally {
      anyone.close();
    }
  });

  it('says, before removing an atSign added by approval, that the other app keeps it and where to revoke this wallet', async () => {
    const form = `form[aria-label="Remove ${ALICE}"]`;
    await page.clickRole('button', 'Remove');
    const said = await page.textOf(form);
    expect(said).toContain('Your other app keeps the atSign.');
    expect(said).toContain(`That app still lists this wallet among the apps it approved for ${ALICE}: revoke this wallet’s access there too.`);
    expect(said).not.toContain('export one first');
    // The atSign stays with the other app: nothing to export before removing it.
    expect(await page.evaluate((selector) => [...document.querySelectorAll(`${selector} button`)].map((b) => b.textContent?.trim()), form)).toEqual([
      `Remove ${ALICE}`,
      'Cancel',
    ]);
    await page.clickRole('button', 'Cancel');
    expect((await callWallet(wallet, 'wallet_getState')).identities.map((i) => i.atSign)).toEqual([ALICE]);
  });

  it('stops and says so when the other app revokes this wallet’s access', async () => {
    const [request] = (await otherApp().list()).filter((e) => e.status === 'approved' && e.deviceName.startsWith(`atsign-wallet-${browserName}-`));
    await otherApp().revoke(request!.enrollmentId);
    // The atServer drops the revoked app's connection; the next attempt is refused.
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status, { timeout: 30_000 })
      .toEqual({ state: 'refused', problem: 'enrollment-revoked', message: `This wallet’s access to ${ALICE} was revoked in another app.` });
  });
});
