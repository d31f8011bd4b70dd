// RSA encryption with PKCS#1 v1.5 padding (RFC 8017 §7.2.1), which the
// atPlatform uses to hand a new app's APKAM symmetric key to the atSign
// (ATPLATFORM §4) and WebCrypto does not offer. The public key's modulus and
// exponent come from WebCrypto itself (a JWK export); the arithmetic is
// BigInt. Only encryption with a public key happens here: nothing secret goes
// through the non-constant-time arithmetic.

import { decodeBase64, decodeBase64Url } from '../shared/base64';
import { AtKeysError } from './errors';

const asBigInt = (bytes: Uint8Array): bigint => bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);

function toBytes(n: bigint, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  for (; exponent > 0n; exponent >>= 1n, base = (base * base) % modulus) {
    if (exponent & 1n) result = (result * base) % modulus;
  }
  return result;
}

/** Random bytes none of which is zero, as the padding string must be. */
function nonZeroRandom(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let filled = 0; filled < length; ) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length - filled))) if (byte !== 0 && filled < length) out[filled++] = byte;
  }
  return out;
}

/** Encrypts `message` to a base64 DER SPKI RSA public key; the ciphertext is as long as the modulus. */
export async function rsaPkcs1Encrypt(spkiBase64: string, message: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const der = decodeBase64(spkiBase64);
  if (der === null) throw new AtKeysError('bad-base64', 'The encryption public key is not base64.');
  let jwk: JsonWebKey;
  try {
    const key = await crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['encrypt']);
    jwk = await crypto.subtle.exportKey('jwk', key);
  } catch (error) {
    throw new AtKeysError('not-rsa', 'The encryption public key is not an RSA public key.', { cause: error });
  }
  const modulusBytes = decodeBase64Url(jwk.n ?? '');
  const exponentBytes = decodeBase64Url(jwk.e ?? '');
  if (!modulusBytes || !exponentBytes) throw new AtKeysError('not-rsa', 'The encryption public key is not an RSA public key.');
  const k = modulusBytes[0] === 0 ? modulusBytes.length - 1 : modulusBytes.length;
  if (message.length > k - 11) throw new AtKeysError('too-large', `RSA-${k * 8} with PKCS#1 v1.5 encrypts at most ${k - 11} bytes.`);
  // EM = 0x00 || 0x02 || PS (non-zero, at least 8 bytes) || 0x00 || M
  const padded = new Uint8Array(k);
  padded[1] = 2;
  padded.set(nonZeroRandom(k - message.length - 3), 2);
  padded.set(message, k - message.length);
  return toBytes(modPow(asBigInt(padded), asBigInt(exponentBytes), asBigInt(modulusBytes)), k);
}
