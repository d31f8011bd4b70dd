// RSA PKCS#1 v1.5 encryption, checked by node:crypto decrypting it: Node 20
// refuses PKCS#1 v1.5 decryption, so the block is opened raw and unpadded
// here by the standard's rules.
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsaPkcs1Encrypt } from '@/src/keys/rsa-encrypt';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const spki = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

function openRaw(ciphertext: Uint8Array): { block: Buffer; message: Buffer } {
  const block = privateDecrypt({ key: pair.privateKey, padding: constants.RSA_NO_PADDING }, ciphertext);
  const end = block.indexOf(0, 2);
  return { block, message: block.subarray(end + 1) };
}

describe('RSA PKCS#1 v1.5 encryption', () => {
  it('gives a block of the modulus’ length that the private key opens to the message, padded as the standard says', async () => {
    const message = new TextEncoder().encode('an APKAM symmetric key, as base64 text');
    const ciphertext = await rsaPkcs1Encrypt(spki, message);
    expect(ciphertext).toHaveLength(256);
    const { block, message: opened } = openRaw(ciphertext);
    expect(block[0]).toBe(0);
    expect(block[1]).toBe(2);
    const padding = block.subarray(2, block.indexOf(0, 2));
    expect(padding.length).toBe(256 - 3 - message.length);
    expect(padding.every((byte) => byte !== 0)).toBe(true);
    expect(opened.toString('utf8')).toBe('an APKAM symmetric key, as base64 text');
  });

  it('pads afresh each time', async () => {
    const message = new Uint8Array([1, 2, 3]);
    const [a, b] = await Promise.all([rsaPkcs1Encrypt(spki, message), rsaPkcs1Encrypt(spki, message)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect([...openRaw(a).message]).toEqual([1, 2, 3]);
    expect([...openRaw(b).message]).toEqual([1, 2, 3]);
  });

  it('takes the longest message the key allows, and refuses a longer one or a key that is not RSA', async () => {
    expect([...openRaw(await rsaPkcs1Encrypt(spki, new Uint8Array(245).fill(7))).message]).toEqual(new Array(245).fill(7));
    await expect(rsaPkcs1Encrypt(spki, new Uint8Array(246))).rejects.toMatchObject({ problem: 'too-large' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    await expect(rsaPkcs1Encrypt(ec, new Uint8Array(1))).rejects.toMatchObject({ problem: 'not-rsa' });
    await expect(rsaPkcs1Encrypt('not base64!', new Uint8Array(1))).rejects.toMatchObject({ problem: 'bad-base64' });
  });
});
