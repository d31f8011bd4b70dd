import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, readAtKeys } from '@/src/keys';
import { ALICE, decryptField, fixtureJson, fixtureText, fixtures } from './fixtures';

describe('readAtKeys on the real demo files', () => {
  it.each(fixtures)('imports $file with the fingerprints of fixtures.json', async (info) => {
    const keys = await readAtKeys(fixtureText(info.file), info.file);
    expect(keys.atSign).toBe(info.atSign);
    expect(await fingerprint(keys.encryptionPublicKey)).toBe(info.encryptionPublicKeySha256);
    expect(await fingerprint(keys.pkamPublicKey)).toBe(info.pkamPublicKeySha256);
  });

  it.each(fixtures)('finds the atSign of $file from the file alone, without its name', async (info) => {
    expect((await readAtKeys(fixtureText(info.file))).atSign).toBe(info.atSign);
  });

  it('decrypts to exactly what node:crypto decrypts, and keeps the self key verbatim', async () => {
    const file = fixtureJson(ALICE);
    const self = file.selfEncryptionKey as string;
    const keys = await readAtKeys(fixtureText(ALICE));
    expect(keys.pkamPublicKey).toBe(decryptField(self, file.aesPkamPublicKey as string));
    expect(keys.pkamPrivateKey).toBe(decryptField(self, file.aesPkamPrivateKey as string));
    expect(keys.encryptionPublicKey).toBe(decryptField(self, file.aesEncryptPublicKey as string));
    expect(keys.encryptionPrivateKey).toBe(decryptField(self, file.aesEncryptPrivateKey as string));
    expect(keys.selfEncryptionKey).toBe(self);
    expect(keys.extra).toEqual({});
  });

  it('fingerprints are SHA-256 of the DER bytes, not of the base64 text', async () => {
    const keys = await readAtKeys(fixtureText(ALICE));
    const ofDer = createHash('sha256').update(Buffer.from(keys.pkamPublicKey, 'base64')).digest('hex');
    const ofText = createHash('sha256').update(keys.pkamPublicKey, 'utf8').digest('hex');
    expect(await fingerprint(keys.pkamPublicKey)).toBe(ofDer);
    expect(ofDer).not.toBe(ofText);
  });

  it('ignores a byte-order mark an editor may have added', async () => {
    expect((await readAtKeys(`\ufeff${fixtureText(ALICE)}`)).atSign).toBe('@alice🛠');
  });
});

describe('where the atSign comes from', () => {
  const withoutOwnerKey = (): Record<string, unknown> => {
    const file = fixtureJson(ALICE);
    delete file['@alice🛠'];
    return file;
  };

  it('takes a newer file\'s "atsign" field when there is no "@…" key', async () => {
    const keys = await readAtKeys(JSON.stringify({ ...withoutOwnerKey(), atsign: '@alice🛠' }));
    expect(keys.atSign).toBe('@alice🛠');
    expect(keys.extra).toEqual({ atsign: '@alice🛠' });
  });

  it.each(['@alice🛠.atKeys', '@alice🛠_key.atKeys', '@Alice🛠_key (2).atKeys', 'C:\\fakepath\\@alice🛠_key.atKeys', '/home/a/@alice🛠.atkeys'])(
    'falls back to the file name %s',
    async (name) => {
      expect((await readAtKeys(JSON.stringify(withoutOwnerKey()), name)).atSign).toBe('@alice🛠');
    },
  );

  it('accepts a file name that agrees, or that says nothing about the atSign', async () => {
    for (const name of ['@alice🛠_key.atKeys', '@alice🛠 (1).atKeys', 'backup.json', 'keys.atKeys', undefined]) {
      expect((await readAtKeys(fixtureText(ALICE), name)).atSign).toBe('@alice🛠');
    }
  });

  it('keeps an atSign that really ends in "_key" when the file name has no suffix', async () => {
    const file = withoutOwnerKey();
    const text = JSON.stringify({ ...file, '@door_key': file.selfEncryptionKey });
    expect((await readAtKeys(text, '@door_key.atKeys')).atSign).toBe('@door_key');
    expect((await readAtKeys(text, '@door_key_key.atKeys')).atSign).toBe('@door_key');
  });

  it('normalises the atSign it finds', async () => {
    const file = withoutOwnerKey();
    const keys = await readAtKeys(JSON.stringify({ ...file, '@Alice🛠': file.selfEncryptionKey }));
    expect(keys.atSign).toBe('@alice🛠');
    expect(keys.extra).toEqual({});
  });
});
