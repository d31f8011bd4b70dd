// The wallet online: it imports an atSign's keys, the person points it at the
// root of the run's local atPlatform in the popup, and it connects to the
// atSign's own atServer over wss (TLS verified against the test CA the browser
// trusts), authenticates with PKAM and publishes its signing key — which
// anyone can then read, unauthenticated, and check against the atSign's
// encryption key; and a site's sign-in is confirmed through it.
import { createVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AtClient, parseAddress } from '@/src/atplatform';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import { startDemoSite, type DemoSite } from './harness/demo-site';
import { atKeysFixtures } from './harness/fixtures';
import { browserNames, launchWallet, type E2EPage, type WalletBrowser } from './harness';
import { callWallet } from './harness/wallet-api';
import { fillPersona, PASSPHRASE, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { readAtKeys, walletSigningAtKey } from '@/src/keys';

const ALICE = '@alice🛠';

/** An atPlatform client of the test's own, over TLS, trusting the run's CA. */
async function clientOf(atSign: string): Promise<AtClient> {
  const { atServers, ca } = inject('atPlatform');
  return AtClient.connect(parseAddress(atServers[atSign]!), { connect: tlsConnector({ ca }) });
}

describe.each(browserNames)('%s: the wallet online', (browserName) => {
  let wallet: WalletBrowser;
  let demo: DemoSite;
  let popup: E2EPage;
  /** Where this wallet publishes its signing key: `public:<key id>.signing_key.atwallet@alice🛠`. */
  let signingAtKey: string;
  let signingPublicKey: string;

  beforeAll(async () => {
    demo = await startDemoSite();
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet, `${ALICE}.atKeys`);
    signingPublicKey = (await callWallet(wallet, 'wallet_getState')).identities[0]!.signingPublicKey;
    signingAtKey = await walletSigningAtKey(ALICE, signingPublicKey);
  });
  afterAll(async () => {
    await wallet?.close();
    await demo?.close();
    // The atPlatform is the whole run's: leave no key of this wallet behind.
    const keys = await readAtKeys(atKeysFixtures().find((f) => f.atSign === ALICE)!.content);
    const owner = await clientOf(ALICE);
    await owner.authenticate(ALICE, { pkamPrivateKey: keys.pkamPrivateKey });
    await owner.delete(signingAtKey);
    owner.close();
  });

  const badge = () => popup.textOf(`li[aria-label="${ALICE}"] [data-testid="atserver-state"]`);
  const detail = () => popup.textOf(`li[aria-label="${ALICE}"] .atsign-connection__detail`);

  it('goes online once the person names the root, and says where it is connected', async () => {
    popup = await wallet.openExtensionPage('/popup.html');
    await popup.clickRole('tab', 'Settings');
    // The public root cannot be reached from the test machines: offline, and it says why.
    await expect.poll(badge, { timeout: 20_000 }).toBe('Offline');
    expect(await detail()).toMatch(/^The root at https:\/\/root\.atsign\.org could not be reached\. Trying again in /);
    // A root that is not HTTPS is refused, and nothing changes.
    await popup.fillLabel('Root directory', 'http://127.0.0.1:1');
    await popup.clickRole('button', 'Save root');
    await expect.poll(() => popup.textOf('.root-form [role="alert"]'), { timeout: 15_000 }).toBe('The root is reached over HTTPS only.');
    await popup.fillLabel('Root directory', inject('atPlatform').root);
    await popup.clickRole('button', 'Save root');
    await expect.poll(badge, { timeout: 20_000 }).toBe('Online');
    expect(await detail()).toBe(`Connected to its atServer at ${inject('atPlatform').atServers[ALICE]}.`);
  });

  it('publishes its signing key, which anyone can read and check against the atSign’s encryption key', async () => {
    const anyone = await clientOf(ALICE);
    try {
      // `lookup` names a public key without its "public:".
      const published = await anyone.lookupAll(signingAtKey.slice('public:'.length));
      expect(published?.value).toBe(signingPublicKey);
      const encryptionKey = await anyone.lookup(`publickey${ALICE}`);
      const verifies = createVerify('RSA-SHA256')
        .update(published?.value ?? '', 'utf8')
        .verify({ key: Buffer.from(encryptionKey ?? '', 'base64'), format: 'der', type: 'spki' }, published?.metadata.dataSignature ?? '', 'base64');
      expect(verifies).toBe(true);
    } finally {
      anyone.close();
    }
  });

  it('signs in on a site that confirms the signing key the atServer publishes', async () => {
    await fillPersona(wallet, 'Public', { name: 'Alice', email: 'alice@example.org' });
    const page = await wallet.newPage(`${demo.origin}/`);
    await page.clickRole('button', 'Sign in with atSign');
    const signIn = await ApprovalPage.waitFor(wallet);
    await signIn.choose({ persona: 'Public', duration: '1 hour' });
    await signIn.approve();
    await expect.poll(() => page.textOf('#account-heading'), { timeout: 15_000 }).toBe(`Signed in as ${ALICE}`);
    expect(await page.textOf('#key-source')).toBe(`Confirmed by ${ALICE}’s atServer, which publishes the key your wallet signed with.`);
    await page.close();
  });

  it('closes the connection when the wallet locks, and connects again on unlock', async () => {
    await callWallet(wallet, 'wallet_lock');
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status, { timeout: 15_000 })
      .toEqual({ state: 'locked' });
    await callWallet(wallet, 'wallet_unlock', { passphrase: 'a long enough passphrase' });
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status.state, { timeout: 20_000 })
      .toBe('online');
  });

  // Both browsers stop an idle background after 30 s: Chromium counts the
  // link's traffic as activity, Firefox only extension events and API calls
  // (src/background/keep-awake.ts). A background stopped and started again
  // would have a new connection, online since later.
  it('stays online, on the same connection, with none of its pages open past the browser’s idle time', { timeout: 90_000 }, async () => {
    await popup.close();
    const status = async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status;
    await expect.poll(async () => (await status())?.state, { timeout: 20_000 }).toBe('online');
    const before = await status();
    await new Promise((resolve) => setTimeout(resolve, 45_000));
    expect(await status()).toEqual(before);
  });

  it('goes back online by itself when the browser restarts its background', async () => {
    await wallet.restartBackground();
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status.state, { timeout: 20_000 })
      .toBe('online');
  });

  it('takes its signing key off the atServer when the person removes the atSign', async () => {
    await expect.poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status.state, { timeout: 20_000 }).toBe('online');
    await callWallet(wallet, 'wallet_removeAtSign', { atSign: ALICE, passphrase: PASSPHRASE });
    const anyone = await clientOf(ALICE);
    try {
      await expect(anyone.lookupAll(signingAtKey.slice('public:'.length))).rejects.toMatchObject({ code: 'AT0015' });
    } finally {
      anyone.close();
    }
    expect((await callWallet(wallet, 'wallet_getAtPlatform')).atSigns).toEqual([]);
  });
});

describe.each(browserNames)('%s: a wallet whose browser does not trust the atServer’s certificate', (browserName) => {
  let wallet: WalletBrowser;

  beforeAll(async () => {
    wallet = await launchWallet(browserName, { trustCa: null });
    await walletWithAtSign(wallet, `${ALICE}.atKeys`);
  });
  afterAll(() => wallet?.close());

  it('does not connect, whether it asks the root or is given the atServer’s address', async () => {
    const { root, atServers } = inject('atPlatform');
    await callWallet(wallet, 'wallet_setAtPlatformRoot', { root: `https://${root}` }).catch(() => undefined);
    const status = async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns[0]?.status;
    await expect.poll(status, { timeout: 20_000 }).toMatchObject({ state: 'offline', problem: 'root-unreachable' });
    await callWallet(wallet, 'wallet_setAtServerAddress', { atSign: ALICE, address: atServers[ALICE]! });
    await expect.poll(status, { timeout: 20_000 }).toMatchObject({ state: 'offline', problem: 'unreachable' });
    // Tried again, still never online.
    await callWallet(wallet, 'wallet_reconnectAtServer', { atSign: ALICE });
    await expect.poll(status, { timeout: 20_000 }).toMatchObject({ state: 'offline', problem: 'unreachable' });
  });
});
