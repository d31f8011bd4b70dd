// The wallet's own signing key (DESIGN §2): ed25519 via @noble/ed25519, whose
// async API runs on WebCrypto's SHA-512 in both the extension and Node. Keys
// and signatures travel as unpadded base64url, as the sign-in contract says.

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

export async function signEd25519(seed: string, message: string): Promise<string> {
  return encodeBase64Url(await signAsync(utf8Encode(message), seedBytes(seed)));
}
