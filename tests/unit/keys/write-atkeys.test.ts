import { describe, expect, it } from 'vitest';
import { readAtKeys, writeAtKeys } from '@/src/keys';
import { ALICE, expectProblem, fixtureJson, fixtureText, fixtures } from './fixtures';

describe('writeAtKeys', () => {
  it.each(fixtures)('gives back $file exactly: same ciphertexts, self key, order and JSON', async (info) => {
    const original = fixtureText(info.file);
    const written = await writeAtKeys(await readAtKeys(original, info.file));
    expect(JSON.parse(written)).toEqual(JSON.parse(original));
    // Byte-for-byte, as Dart's jsonEncode wrote it (only a trailing newline may differ).
    expect(written).toBe(original.trimEnd());
  });

  it('round-trips a newer-format file, keeping every extra key in its place', async () => {
    const base = fixtureJson(ALICE);
    const newer = {
      ...base,
      apkamSymmetricKey: 'qH7dmT7fQpG1nU0E9jbf6yJcLq1lT0y6S9dXq5h2K3A=',
      enrollmentId: '5a1c3e0e-9b8f-4c61-a7f4-3f9c1a2b7d10',
      version: '2.0.0',
      atsign: '@alice🛠',
      keys: [{ name: 'pkam', type: 'rsa2048', value: 'abc' }, { name: 'custom', nested: { deep: [1, 2, null] } }],
      'x-unknown': { anything: true },
    };
    const text = JSON.stringify(newer);
    const keys = await readAtKeys(text);
    expect(keys.atSign).toBe('@alice🛠');
    expect(keys.extra).toEqual({
      apkamSymmetricKey: newer.apkamSymmetricKey,
      enrollmentId: newer.enrollmentId,
      version: '2.0.0',
      atsign: '@alice🛠',
      keys: newer.keys,
      'x-unknown': { anything: true },
    });
    // Same text: legacy fields first, "@alice🛠" after the self key, then the rest in order.
    expect(await writeAtKeys(keys)).toBe(text);
  });

  it('keeps a "__proto__" key as plain data', async () => {
    const text = fixtureText(ALICE).replace(/}\s*$/, ',"__proto__":{"polluted":true}}');
    const keys = await readAtKeys(text);
    expect(Object.getPrototypeOf(keys.extra)).toBe(Object.prototype);
    expect(Object.hasOwn(keys.extra, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await writeAtKeys(keys)).toBe(text);
  });

  it('does not let `extra` duplicate a field it writes itself', async () => {
    const keys = await readAtKeys(fixtureText(ALICE));
    const written = await writeAtKeys({ ...keys, extra: { selfEncryptionKey: 'nope', '@alice🛠': 'nope', keep: 1 } });
    expect(JSON.parse(written)).toEqual({ ...fixtureJson(ALICE), keep: 1 });
  });

  it('refuses keys it could not write as a readable file', async () => {
    const keys = await readAtKeys(fixtureText(ALICE));
    await expectProblem(writeAtKeys({ ...keys, atSign: '@a b' }), 'bad-atsign', 'whitespace');
    await expectProblem(writeAtKeys({ ...keys, selfEncryptionKey: 'AAAA' }), 'bad-self-key');
    await expectProblem(writeAtKeys({ ...keys, pkamPrivateKey: 'not base64' }), 'bad-base64', '"pkamPrivateKey"');
  });
});
