// Finds secrets in a storage dump in every form they could take: base64,
// base64url, hex bytes, a JWK's private exponent, or an ed25519 seed whose
// public key is known.
import { createPrivateKey } from 'node:crypto';
import * as ed from '@noble/ed25519';
import type { StorageDump } from './dump';

const b64 = (bytes: Buffer) => bytes.toString('base64');
const b64url = (bytes: Buffer) => bytes.toString('base64url');

/** The plain forms of one secret value to look for. */
export function formsOf(secretBase64: string): string[] {
  const bytes = Buffer.from(secretBase64, 'base64');
  return [b64(bytes), b64url(bytes), bytes.toString('hex')];
}

/** An RSA private key (base64 PKCS#8) as stored in any of the usual encodings, JWK included. */
export function rsaPrivateForms(pkcs8Base64: string): string[] {
  const jwk = createPrivateKey({ key: Buffer.from(pkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' }).export({
    format: 'jwk',
  });
  return [...formsOf(pkcs8Base64), jwk.d!, jwk.p!, jwk.q!];
}

export function findPlain(dump: StorageDump, needles: string[]): string[] {
  const texts = [...dump.strings, ...dump.bytesHex, ...dump.bytesHex.map((h) => Buffer.from(h, 'hex').toString('latin1'))];
  return needles.filter((needle) => texts.some((text) => text.includes(needle)));
}

/** Any 32-byte value in the dump that is the seed of one of these ed25519 public keys (base64url). */
export async function findEd25519Seeds(dump: StorageDump, publicKeys: string[]): Promise<string[]> {
  const candidates = new Set<string>();
  for (const text of [...dump.strings, ...dump.bytesHex.map((h) => Buffer.from(h, 'hex').toString('latin1'))]) {
    for (const token of text.match(/[A-Za-z0-9_+/-]{43}=?/g) ?? []) {
      const bytes = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      if (bytes.length === 32) candidates.add(bytes.toString('hex'));
    }
    for (const token of text.match(/[0-9a-f]{64}/g) ?? []) candidates.add(token);
  }
  dump.bytesHex.filter((h) => h.length === 64).forEach((h) => candidates.add(h));
  const found: string[] = [];
  for (const seed of candidates) {
    const publicKey = b64url(Buffer.from(await ed.getPublicKeyAsync(Buffer.from(seed, 'hex'))));
    if (publicKeys.includes(publicKey)) found.push(seed);
  }
  return found;
}
