// The atPlatform's self encryption: AES-256-CTR with PKCS#7 padding, as its
// EncryptionUtil does it (Dart `encrypt` package, SIC mode, PKCS7). Data on an
// atServer carries a random 16-byte IV in its `ivNonce`; the .atKeys file's
// own fields use an IV of 16 zero bytes. Reusing one counter for four values
// there is a weakness of the format, not ours to fix: we must read and write
// it byte-for-byte, and the self key never leaves the file or the vault.

import { AES_BLOCK_BYTES } from './atkeys-format';

const ZERO_COUNTER = new Uint8Array(AES_BLOCK_BYTES);
// The whole 16-byte block is the counter, as in PointyCastle's SIC mode.
const aesCtr = (iv: Uint8Array<ArrayBuffer>): AesCtrParams => {
  if (iv.length !== AES_BLOCK_BYTES) throw new RangeError(`An AES-CTR IV is ${AES_BLOCK_BYTES} bytes.`);
  return { name: 'AES-CTR', counter: iv, length: 128 };
};

export function importSelfKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-CTR', false, ['encrypt', 'decrypt']);
}

export async function encryptWithSelfKey(
  key: CryptoKey,
  plaintext: Uint8Array,
  iv: Uint8Array<ArrayBuffer> = ZERO_COUNTER,
): Promise<Uint8Array<ArrayBuffer>> {
  const pad = AES_BLOCK_BYTES - (plaintext.length % AES_BLOCK_BYTES);
  const padded = new Uint8Array(plaintext.length + pad);
  padded.set(plaintext);
  padded.fill(pad, plaintext.length);
  return new Uint8Array(await crypto.subtle.encrypt(aesCtr(iv), key, padded));
}

/**
 * Decrypts and strips PKCS#7 padding. Returns null when the padding is wrong,
 * which with CTR mode almost always means the wrong key (or a damaged value).
 */
export async function decryptWithSelfKey(
  key: CryptoKey,
  ciphertext: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer> = ZERO_COUNTER,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const padded = new Uint8Array(await crypto.subtle.decrypt(aesCtr(iv), key, ciphertext));
  const pad = padded[padded.length - 1];
  if (pad === undefined || pad < 1 || pad > AES_BLOCK_BYTES || pad > padded.length) return null;
  for (let i = padded.length - pad; i < padded.length; i++) {
    if (padded[i] !== pad) return null;
  }
  return padded.slice(0, padded.length - pad);
}
