// The .atKeys file's own encryption: AES-256-CTR with an IV of 16 zero bytes
// and PKCS#7 padding, as the atPlatform's EncryptionUtil does it (Dart
// `encrypt` package, SIC mode, PKCS7). Reusing one counter for four values is
// a weakness of the format, not ours to fix: we must read and write it
// byte-for-byte, and the self key never leaves the file or the vault.

import { AES_BLOCK_BYTES } from './atkeys-format';

const ZERO_COUNTER = new Uint8Array(AES_BLOCK_BYTES);
// The whole 16-byte block is the counter, as in PointyCastle's SIC mode.
const AES_CTR: AesCtrParams = { name: 'AES-CTR', counter: ZERO_COUNTER, length: 128 };

export function importSelfKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-CTR', false, ['encrypt', 'decrypt']);
}

export async function encryptWithSelfKey(key: CryptoKey, plaintext: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const pad = AES_BLOCK_BYTES - (plaintext.length % AES_BLOCK_BYTES);
  const padded = new Uint8Array(plaintext.length + pad);
  padded.set(plaintext);
  padded.fill(pad, plaintext.length);
  return new Uint8Array(await crypto.subtle.encrypt(AES_CTR, key, padded));
}

/**
 * Decrypts and strips PKCS#7 padding. Returns null when the padding is wrong,
 * which with CTR mode almost always means the wrong key (or a damaged value).
 */
export async function decryptWithSelfKey(
  key: CryptoKey,
  ciphertext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const padded = new Uint8Array(await crypto.subtle.decrypt(AES_CTR, key, ciphertext));
  const pad = padded[padded.length - 1];
  if (pad === undefined || pad < 1 || pad > AES_BLOCK_BYTES || pad > padded.length) return null;
  for (let i = padded.length - pad; i < padded.length; i++) {
    if (padded[i] !== pad) return null;
  }
  return padded.slice(0, padded.length - pad);
}
