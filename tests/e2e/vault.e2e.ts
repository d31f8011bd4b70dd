// Keys and the vault in real browsers: .atKeys in and out, nothing secret at
// rest, lock and unlock, and the person's idle time.
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtKeys } from '@/src/keys';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { dumpStorage } from './harness/dump';
import { atKeysFixtures } from './harness/fixtures';
import { findEd25519Seeds, findPlain, formsOf, rsaPrivateForms } from './harness/secrets';
import { callFrom, callWallet } from './harness/wallet-api';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

const PASSPHRASE = 'a long enough passphrase';
const fixtures = atKeysFixtures();

const PERSONA_VALUES = {
  name: 'Zephyrine Quorrowmaster',
  email: 'zephyrine.q@hidden-mailbox.example',
  phone_number: '+44 20 7946 0318',
  address: '42 Obscure Lane\nNowhereton QX9 9ZZ',
};
const CUSTOM_FIELD = 'x-codeforge';
const CUSTOM_LABEL = 'Codeforge handle';
const CUSTOM_VALUE = 'zq-octocat-7781';
const SECRET_PERSONA_NAME = 'Clandestine Orchid Society';
const SECRET_NICKNAME = 'Zeph the Unseen';
const PICTURE = `data:image/png;base64,${noisyPng(8, 8).toString('base64')}`;

/** A real PNG of random pixels, so its bytes are found nowhere else. */
function noisyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 4)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.each(browserNames)('%s: keys and the vault', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;

  beforeAll(async () => {
    site = await startTestSite();
    wallet = await launchWallet(browserName);
    await callWallet(wallet, 'wallet_setup', { passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await wallet?.close();
    await site?.close();
  });

  it('imports every fixture and shows the fingerprints the atPlatform gives', async () => {
    for (const f of fixtures) {
      const identity = await callWallet(wallet, 'wallet_importAtKeys', { content: f.content, fileName: f.file });
      expect(identity).toMatchObject({
        atSign: f.atSign,
        fingerprint: f.encryptionPublicKeySha256,
        pkamFingerprint: f.pkamPublicKeySha256,
        source: 'imported',
      });
    }
    const state = await callWallet(wallet, 'wallet_getState');
    expect(state.identities.map((i) => i.atSign)).toEqual(fixtures.map((f) => f.atSign));
    expect(state.activeAtSign).toBe(fixtures[0]!.atSign);
  });

  it('refuses a broken file with a message that names the problem, and writes nothing', async () => {
    const page = await wallet.openExtensionPage('/popup.html');
    const [alice, bob] = fixtures as [(typeof fixtures)[0], (typeof fixtures)[0]];
    const wrongKey = JSON.stringify({ ...JSON.parse(bob.content), selfEncryptionKey: JSON.parse(alice.content).selfEncryptionKey });
    const cases: [string, RegExp][] = [
      ['{ not json', /JSON/],
      [JSON.stringify({ ...JSON.parse(alice.content), aesPkamPrivateKey: undefined }), /aesPkamPrivateKey/],
      [wrongKey, /selfEncryptionKey/],
    ];
    for (const [content, message] of cases) {
      const reply = await callFrom(page, 'wallet_importAtKeys', { content, fileName: 'broken.atKeys' });
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe(-32602);
        expect(reply.error.message).toMatch(message);
      }
    }
    const big = await callFrom(page, 'wallet_importAtKeys', { content: 'x'.repeat(10 * 1024 * 1024) });
    expect(big.ok || big.error.code).toBe(-32602);
    await page.close();
    expect((await callWallet(wallet, 'wallet_getState')).identities).toHaveLength(fixtures.length);
  });

  it('creates an atSign, exports it, and a fresh profile imports it with the same fingerprints', async () => {
    const created = await callWallet(wallet, 'wallet_createAtSign', { atSign: 'Fresh🛠' });
    expect(created.atSign).toBe('@fresh🛠');
    const exported = await callWallet(wallet, 'wallet_exportAtKeys', { atSign: '@fresh🛠', passphrase: PASSPHRASE });
    expect(exported.fileName).toBe('@fresh🛠_key.atKeys');

    const fresh = await launchWallet(browserName);
    try {
      await callWallet(fresh, 'wallet_setup', { passphrase: 'another long passphrase' });
      const imported = await callWallet(fresh, 'wallet_importAtKeys', {
        content: exported.content,
        fileName: exported.fileName,
      });
      expect(imported).toMatchObject({
        atSign: '@fresh🛠',
        fingerprint: created.fingerprint,
        pkamFingerprint: created.pkamFingerprint,
      });
    } finally {
      await fresh.close();
    }
  });

  it('keeps no private key, self encryption key, signing seed, passphrase or persona value readable at rest', async () => {
    // The wallet holds every fixture and the atSign the last test created;
    // personas of both are filled in, a custom field and a picture included.
    const state = await callWallet(wallet, 'wallet_getState');
    const created = state.identities.find((i) => i.source === 'created')!;
    expect(created).toBeDefined();
    expect(state.identities).toHaveLength(fixtures.length + 1);

    const work = (await callWallet(wallet, 'wallet_listPersonas')).find((p) => p.name === 'Work')!;
    const saved = await callWallet(wallet, 'wallet_savePersona', {
      id: work.id,
      name: 'Work',
      fields: { ...PERSONA_VALUES, [CUSTOM_FIELD]: CUSTOM_VALUE, picture: PICTURE },
      labels: { [CUSTOM_FIELD]: CUSTOM_LABEL },
    });
    expect(saved.fields).toMatchObject({ [CUSTOM_FIELD]: CUSTOM_VALUE, picture: PICTURE });
    expect(saved.labels).toEqual({ [CUSTOM_FIELD]: CUSTOM_LABEL });
    const secretPersona = await callWallet(wallet, 'wallet_savePersona', {
      atSign: created.atSign,
      name: SECRET_PERSONA_NAME,
      fields: { nickname: SECRET_NICKNAME },
    });
    expect(secretPersona.atSign).toBe(created.atSign);

    const exported = await callWallet(wallet, 'wallet_exportAtKeys', { atSign: created.atSign, passphrase: PASSPHRASE });
    const createdKeys = await readAtKeys(exported.content, exported.fileName);
    expect(createdKeys.atSign).toBe(created.atSign);

    const dump = await dumpStorage(wallet);
    const needles = [PASSPHRASE];
    for (const keys of [...(await Promise.all(fixtures.map((f) => readAtKeys(f.content, f.file)))), createdKeys]) {
      needles.push(...formsOf(keys.selfEncryptionKey));
      needles.push(...rsaPrivateForms(keys.pkamPrivateKey), ...rsaPrivateForms(keys.encryptionPrivateKey));
    }
    needles.push(...Object.values(PERSONA_VALUES), CUSTOM_VALUE, CUSTOM_LABEL, SECRET_PERSONA_NAME, SECRET_NICKNAME);
    needles.push(PICTURE, ...formsOf(PICTURE.slice(PICTURE.indexOf(',') + 1)));
    expect(findPlain(dump, needles)).toEqual([]);
    const signingKeys = state.identities.map((i) => i.signingPublicKey);
    expect(signingKeys).toContain(created.signingPublicKey);
    expect(await findEd25519Seeds(dump, signingKeys)).toEqual([]);
    // The dump did see the wallet's data: the public parts are there in the
    // clear — both atSigns, and the ids of the personas holding the values.
    const publicParts = [fixtures[0]!.atSign, created.atSign, work.id, secretPersona.id];
    expect(findPlain(dump, publicParts)).toEqual(publicParts);
  });

  it('asks for the passphrase again before an export', async () => {
    const page = await wallet.openExtensionPage('/popup.html');
    const reply = await callFrom(page, 'wallet_exportAtKeys', { atSign: fixtures[0]!.atSign, passphrase: 'not the one' });
    expect(reply.ok ? null : reply.error).toMatchObject({ message: 'That passphrase is not right.' });
    await page.close();
  });

  it('locks, still answers a site without telling it anything, and unlocks', async () => {
    const locked = await callWallet(wallet, 'wallet_lock');
    expect(locked.unlocked).toBe(false);
    const sitePage = await SitePage.open(wallet, site.url('/'));
    expect(await sitePage.request('atsign_getGrant')).toEqual({ result: null });
    await sitePage.close();

    const page = await wallet.openExtensionPage('/popup.html');
    const refused = await callFrom(page, 'wallet_exportAtKeys', { atSign: fixtures[0]!.atSign, passphrase: PASSPHRASE });
    expect(refused.ok ? null : refused.error.code).toBe(4900);
    const unlocked = await callFrom(page, 'wallet_unlock', { passphrase: PASSPHRASE });
    expect(unlocked.ok && unlocked.result.unlocked).toBe(true);
    await page.close();
  });

  it('stays unlocked when the background restarts', async () => {
    expect((await callWallet(wallet, 'wallet_getState')).unlocked).toBe(true);
    await wallet.restartBackground();
    expect((await callWallet(wallet, 'wallet_getState')).unlocked).toBe(true);
  });

  it('locks itself after the idle time the person chose', { timeout: 120_000 }, async () => {
    await callWallet(wallet, 'wallet_setAutoLock', { minutes: 1 });
    // Any call from the wallet's pages counts as the person being there, so
    // the test stays away until the minute is over.
    await new Promise((resolve) => setTimeout(resolve, 65_000));
    expect((await callWallet(wallet, 'wallet_getState')).unlocked).toBe(false);
  });
});
