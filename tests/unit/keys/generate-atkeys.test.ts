import { createPrivateKey, createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, generateAtKeys, readAtKeys, writeAtKeys, type AtKeys } from '@/src/keys';
import { decryptField, expectProblem } from './fixtures';

describe('generateAtKeys', () => {
  let keys: AtKeys;
  // RSA key generation takes a while: one key set serves every test here.
  beforeAll(async () => {
    keys = await generateAtKeys('Tester🛠');
  }, 60_000);

  it('makes the atPlatform key set for a normalised atSign', () => {
    expect(keys.atSign).toBe('@tester🛠');
    expect(keys.extra).toEqual({});
    expect(Buffer.from(keys.selfEncryptionKey, 'base64')).toHaveLength(32);
    for (const spki of [keys.pkamPublicKey, keys.encryptionPublicKey]) {
      const key = createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
      expect(key.asymmetricKeyType).toBe('rsa');
      expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    }
    for (const pkcs8 of [keys.pkamPrivateKey, keys.encryptionPrivateKey]) {
      expect(createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' }).asymmetricKeyType).toBe('rsa');
    }
    expect(keys.pkamPublicKey).not.toBe(keys.encryptionPublicKey);
  });

  it('round-trips through writeAtKeys and readAtKeys with the same fingerprints', async () => {
    const text = await writeAtKeys(keys);
    const file = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(file)).toEqual([
      'aesPkamPublicKey',
      'aesPkamPrivateKey',
      'aesEncryptPublicKey',
      'aesEncryptPrivateKey',
      'selfEncryptionKey',
      '@tester🛠',
    ]);
    expect(file['@tester🛠']).toBe(keys.selfEncryptionKey);
    // An independent decryption (node:crypto) sees the keys too.
    expect(decryptField(keys.selfEncryptionKey, file.aesEncryptPrivateKey ?? '')).toBe(keys.encryptionPrivateKey);

    const back = await readAtKeys(text, '@tester🛠_key.atKeys');
    expect(back).toEqual(keys);
    expect(await fingerprint(back.pkamPublicKey)).toBe(await fingerprint(keys.pkamPublicKey));
    expect(await fingerprint(back.encryptionPublicKey)).toBe(await fingerprint(keys.encryptionPublicKey));
  });

  it('refuses an atSign that breaks the rules, before generating anything', async () => {
    await expectProblem(generateAtKeys('al/ice'), 'bad-atsign', '"/"');
    await expectProblem(generateAtKeys(''), 'bad-atsign', 'empty');
  });
});
