import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtKeysError, MAX_ATKEYS_BYTES, readAtKeys } from '@/src/keys';
import { ALICE, BOB, encryptField, expectProblem, fixtureJson, fixtureText } from './fixtures';

const FIELDS = ['aesPkamPublicKey', 'aesPkamPrivateKey', 'aesEncryptPublicKey', 'aesEncryptPrivateKey'] as const;

const alice = (changes: Record<string, unknown> = {}): string => JSON.stringify({ ...fixtureJson(ALICE), ...changes });
const selfKey = (): string => fixtureJson(ALICE).selfEncryptionKey as string;

describe('readAtKeys refuses, with the right problem and a sentence naming it', () => {
  it('too-large: a 10 MB string, before trying to parse it', async () => {
    await expectProblem(readAtKeys('x'.repeat(10 * 1024 * 1024)), 'too-large', 'too large');
  });

  it('too-large: a valid file padded just past the limit, counted in UTF-8 bytes', async () => {
    const text = fixtureText(ALICE);
    await expectProblem(readAtKeys(text + ' '.repeat(MAX_ATKEYS_BYTES - text.length + 1)), 'too-large');
    // Fewer UTF-16 units than the limit, but more UTF-8 bytes.
    await expectProblem(readAtKeys(`"${'€'.repeat(MAX_ATKEYS_BYTES / 2)}"`), 'too-large');
  });

  it('not-json: invalid or truncated JSON', async () => {
    await expectProblem(readAtKeys('{"aesPkamPublicKey": '), 'not-json', 'JSON');
    await expectProblem(readAtKeys(fixtureText(ALICE).slice(0, 3000)), 'not-json', 'JSON');
    await expectProblem(readAtKeys(''), 'not-json');
  });

  it.each(['[]', 'null', '42', '"@alice"'])('not-an-object: %s', async (text) => {
    await expectProblem(readAtKeys(text), 'not-an-object', 'object');
  });

  it.each([...FIELDS, 'selfEncryptionKey'])('missing-field: no "%s"', async (field) => {
    const file = fixtureJson(ALICE);
    delete file[field];
    await expectProblem(readAtKeys(JSON.stringify(file)), 'missing-field', `"${field}"`);
  });

  it.each([42, null, '', ['x']])('missing-field: "aesEncryptPrivateKey" holding %j', async (value) => {
    await expectProblem(readAtKeys(alice({ aesEncryptPrivateKey: value })), 'missing-field', '"aesEncryptPrivateKey"');
  });

  it.each(['not base64!', 'AAAA', Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('base64')])(
    'bad-self-key: %s',
    async (value) => {
      await expectProblem(readAtKeys(alice({ selfEncryptionKey: value })), 'bad-self-key', '"selfEncryptionKey"');
    },
  );

  it.each(FIELDS)('bad-base64: "%s" truncated mid-way', async (field) => {
    const value = fixtureJson(ALICE)[field] as string;
    await expectProblem(readAtKeys(alice({ [field]: value.slice(0, -7) })), 'bad-base64', `"${field}"`);
    // Whole base64 quanta, but not whole AES blocks.
    await expectProblem(readAtKeys(alice({ [field]: value.slice(0, -8) })), 'bad-base64', `"${field}"`);
    await expectProblem(readAtKeys(alice({ [field]: `${value.slice(0, -4)}!!!!` })), 'bad-base64', `"${field}"`);
  });

  it('wrong-self-key: a value cut at a block boundary no longer decrypts cleanly', async () => {
    const value = fixtureJson(ALICE).aesPkamPrivateKey as string;
    await expectProblem(readAtKeys(alice({ aesPkamPrivateKey: value.slice(0, -64) })), 'wrong-self-key', '"aesPkamPrivateKey"');
  });

  it("wrong-self-key: another file's self encryption key", async () => {
    const bobs = fixtureJson(BOB).selfEncryptionKey;
    const error = await expectProblem(
      readAtKeys(alice({ selfEncryptionKey: bobs, '@alice🛠': bobs })),
      'wrong-self-key',
      '"aesPkamPublicKey"',
    );
    expect(error.message).toContain('selfEncryptionKey');
  });

  it('not-rsa: EC P-256 keys encrypted properly with the self key', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = ec.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const pkcs8 = ec.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    await expectProblem(
      readAtKeys(alice({ aesPkamPublicKey: encryptField(selfKey(), spki) })),
      'not-rsa',
      '"aesPkamPublicKey"',
    );
    await expectProblem(
      readAtKeys(alice({ aesEncryptPrivateKey: encryptField(selfKey(), pkcs8) })),
      'not-rsa',
      '"aesEncryptPrivateKey"',
    );
  });

  it('not-rsa: a private key where the public key belongs', async () => {
    const file = fixtureJson(ALICE);
    await expectProblem(
      readAtKeys(alice({ aesEncryptPublicKey: file.aesEncryptPrivateKey })),
      'not-rsa',
      '"aesEncryptPublicKey"',
    );
  });

  it('not-rsa: an RSA key shorter than 2048 bits', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const spki = weak.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const error = await expectProblem(
      readAtKeys(alice({ aesPkamPublicKey: encryptField(selfKey(), spki) })),
      'not-rsa',
      '"aesPkamPublicKey"',
    );
    expect(error.message).toContain('1024-bit');
  });

  it('key-mismatch: the PKAM private key swapped for the encryption private key', async () => {
    const file = fixtureJson(ALICE);
    await expectProblem(
      readAtKeys(alice({ aesPkamPrivateKey: file.aesEncryptPrivateKey })),
      'key-mismatch',
      '"aesPkamPrivateKey"',
    );
  });

  it('no-atsign: nothing in the file or its name says whose it is', async () => {
    const file = fixtureJson(ALICE);
    delete file['@alice🛠'];
    await expectProblem(readAtKeys(JSON.stringify(file)), 'no-atsign', 'atSign');
    await expectProblem(readAtKeys(JSON.stringify(file), 'my keys.atKeys'), 'no-atsign', 'atSign');
  });

  it.each([
    ['@ali ce', 'whitespace'],
    ['@alice/evil', '"/"'],
    [`@${'a'.repeat(56)}`, '55'],
  ])('bad-atsign: the file names %s', async (atSign, sentence) => {
    const file = fixtureJson(ALICE);
    delete file['@alice🛠'];
    const text = JSON.stringify({ ...file, [atSign]: file.selfEncryptionKey });
    const error = await expectProblem(readAtKeys(text), 'bad-atsign', sentence);
    expect(error.message).toContain(atSign);
  });

  it('bad-atsign: a key with a direction override is quoted with the override escaped, not obeyed', async () => {
    const file = fixtureJson(ALICE);
    delete file['@alice🛠'];
    const text = JSON.stringify({ ...file, '@ali\u202Ece evil': file.selfEncryptionKey });
    const error = await expectProblem(readAtKeys(text), 'bad-atsign');
    expect(error.message).toContain('"@ali\\u202ece evil"');
    expect(error.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('bad-atsign: an "atsign" field that is not text, or a file name that is not an atSign', async () => {
    const file = fixtureJson(ALICE);
    delete file['@alice🛠'];
    await expectProblem(readAtKeys(JSON.stringify({ ...file, atsign: 7 })), 'bad-atsign', '"atsign"');
    await expectProblem(readAtKeys(JSON.stringify(file), '@al!ce.atKeys'), 'bad-atsign', '"!"');
  });

  it('atsign-conflict: two sources disagree', async () => {
    const file = fixtureJson(ALICE);
    await expectProblem(readAtKeys(alice({ atsign: '@bob🛠' })), 'atsign-conflict', '@bob🛠');
    await expectProblem(readAtKeys(alice({ '@bob🛠': file.selfEncryptionKey })), 'atsign-conflict', '@alice🛠');
    await expectProblem(readAtKeys(fixtureText(ALICE), '@bob🛠_key.atKeys'), 'atsign-conflict', '@bob🛠');
  });
});

describe('readAtKeys never throws anything but AtKeysError', () => {
  it('survives random damage to a real file', async () => {
    const text = fixtureText(ALICE);
    await fc.assert(
      fc.asyncProperty(fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 3 }), async (at, insert) => {
        const damaged = text.slice(0, at) + insert + text.slice(at + insert.length);
        try {
          await readAtKeys(damaged);
        } catch (error) {
          expect(error).toBeInstanceOf(AtKeysError);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses input that is not a string at all', async () => {
    await expectProblem(readAtKeys(undefined as unknown as string), 'not-json');
  });
});
