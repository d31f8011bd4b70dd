// The wallet's own signing key (DESIGN §2): ed25519. Signing uses the
// browser's own WebCrypto Ed25519 where it has it (Chromium 137+, Firefox
// 129+, Node 20), else @noble/ed25519 (whose async API runs on WebCrypto's
// SHA-512); Ed25519 signatures are deterministic, so both give the same
// bytes for the same key and message. Keys and signatures travel as
// unpadded base64url, as the sign-in contract says. No key is kept between
// calls: the seed comes from the vault each time, and goes with it.

import { getPublicKeyAsync, signAsync } from '@noble/ed25519';
import { decodeBase64Url, encodeBase64Url, utf8Encode } from '../shared/base64';
import { AtKeysError } from './errors';
import type { SigningKey } from './types';

export const ED25519_KEY_BYTES = 32;

function seedBytes(seed: string): Uint8Array {
  const bytes = decodeBase64Url(seed);
  if (bytes === null || bytes.length !== ED25519_KEY_BYTES) {
    throw new AtKeysError('bad-base64', `A signing key seed must be base64url of exactly ${ED25519_KEY_BYTES} bytes.`);
  }
  return bytes;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const seed = crypto.getRandomValues(new Uint8Array(ED25519_KEY_BYTES));
  return { seed: encodeBase64Url(seed), publicKey: encodeBase64Url(await getPublicKeyAsync(seed)) };
}

export async function signingPublicKey(seed: string): Promise<string> {
  return encodeBase64Url(await getPublicKeyAsync(seedBytes(seed)));
}

/** The PKCS#8 wrapping of a 32-byte Ed25519 seed (RFC 8410): this header, then the seed. */
const PKCS8_ED25519_HEADER = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/** Whether WebCrypto signs Ed25519 here: unknown until the first try. */
let webCryptoEd25519: boolean | undefined;

/** For tests: forget what the first try found. */
export function resetEd25519Support(): void {
  webCryptoEd25519 = undefined;
}

async function signWithWebCrypto(seed: Uint8Array, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array | null> {
  if (webCryptoEd25519 === false) return null;
  const pkcs8 = new Uint8Array(PKCS8_ED25519_HEADER.length + ED25519_KEY_BYTES);
  pkcs8.set(PKCS8_ED25519_HEADER);
  pkcs8.set(seed, PKCS8_ED25519_HEADER.length);
  try {
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, message));
    webCryptoEd25519 = true;
    return signature;
  } catch (error) {
    // Only "this browser has no Ed25519" falls back; anything else is a real failure.
    if (webCryptoEd25519 === true || !(error instanceof DOMException) || error.name !== 'NotSupportedError') throw error;
    webCryptoEd25519 = false;
    return null;
  } finally {
    pkcs8.fill(0);
  }
}

export async function signEd25519(seed: string, message: string): Promise<string> {
  const key = seedBytes(seed);
  const bytes = utf8Encode(message);
  return encodeBase64Url((await signWithWebCrypto(key, bytes)) ?? (await signAsync(bytes, key)));
}
