// Binds the wallet's ed25519 key to an atSign the way the atPlatform binds any
// signed public atKey: `public:<key id>.signing_key.atwallet@alice` whose
// value is the base64url ed25519 public key and whose dataSignature is
// RSASSA-PKCS1-v1_5/SHA-256 by the atSign's encryption private key. The key id
// is the first 16 hex digits of SHA-256 of the ed25519 key, so each wallet of
// an atSign (Chromium at work, Firefox at home) publishes its own key beside
// the others, and a name can hold only its own key. Wallets before key ids
// used `public:signing_key.atwallet@alice`, which is still read. A relying party checks it
// with the encryption public key — offline from the binding, or against
// `public:publickey@alice` on the person's atServer (which this module
// cannot do; that link is the caller's to check).

import { checkAtSign } from './atsign';
import { decodeBase64, decodeBase64Url, encodeBase64 } from '../shared/base64';
import { ED25519_KEY_BYTES } from './ed25519';
import { sha256Hex } from './fingerprint';
import { AtKeysError, orProblem } from './errors';
import { importPrivateKeyText, importPublicKeyText } from './import-rsa-text';
import { rsaSign, rsaVerify } from './rsa';
import type { AtKeys, KeyBinding } from './types';

/** The one name of the first wallets, one per atSign: `public:signing_key.atwallet@alice`. */
export const SIGNING_KEY_PREFIX = 'public:signing_key.atwallet';

export const signingKeyAtKey = (atSign: string): string => `${SIGNING_KEY_PREFIX}${atSign}`;

const KEY_ID_HEX_DIGITS = 16;
const SIGNING_AT_KEY = /^public:(?:([0-9a-f]{16})\.)?signing_key\.atwallet(@.+)$/;

/** The first 16 hex digits of SHA-256 over the ed25519 public key's bytes; null when it is not one. */
export async function signingKeyId(signingPublicKey: string): Promise<string | null> {
  const bytes = decodeBase64Url(signingPublicKey);
  if (bytes === null || bytes.length !== ED25519_KEY_BYTES) return null;
  return (await sha256Hex(bytes)).slice(0, KEY_ID_HEX_DIGITS);
}

/** The wallet's name for its signing key: `public:<key id>.signing_key.atwallet@alice`. */
export async function walletSigningAtKey(atSign: string, signingPublicKey: string): Promise<string> {
  const id = await signingKeyId(signingPublicKey);
  if (id === null) throw new AtKeysError('bad-base64', `A signing public key must be base64url of exactly ${ED25519_KEY_BYTES} bytes.`);
  return `public:${id}.signing_key.atwallet${atSign}`;
}

/**
 * The atSign (as written) and key id a signing key's atKey names, for both
 * forms; null for any other atKey. The key id is null for the one-per-atSign form.
 */
export function parseSigningAtKey(atKey: string): { atSign: string; keyId: string | null } | null {
  const match = typeof atKey === 'string' ? SIGNING_AT_KEY.exec(atKey) : null;
  return match ? { atSign: match[2] ?? '', keyId: match[1] ?? null } : null;
}

const isSigningPublicKey = (value: string): boolean => decodeBase64Url(value)?.length === ED25519_KEY_BYTES;

export async function bindSigningKey(
  keys: Pick<AtKeys, 'atSign' | 'encryptionPrivateKey' | 'encryptionPublicKey'>,
  signingPublicKey: string,
): Promise<KeyBinding> {
  const check = checkAtSign(keys.atSign);
  if (!check.ok) throw new AtKeysError('bad-atsign', `The atSign "${keys.atSign}" is not valid. ${check.problems.join(' ')}`);
  if (!isSigningPublicKey(signingPublicKey)) {
    throw new AtKeysError('bad-base64', `A signing public key must be base64url of exactly ${ED25519_KEY_BYTES} bytes.`);
  }
  const privateKey = await importPrivateKeyText(keys.encryptionPrivateKey, 'encryption private key');
  const publicKey = await importPublicKeyText(keys.encryptionPublicKey, 'encryption public key');
  const signature = await orProblem('not-rsa', 'The encryption private key could not sign.', () =>
    rsaSign(privateKey, signingPublicKey),
  );
  // A binding that fails to verify is worse than none: relying parties would
  // refuse every sign-in. Check it here, where the cause is known.
  if (!(await rsaVerify(publicKey, signature, signingPublicKey))) {
    throw new AtKeysError('key-mismatch', 'The encryption private key does not match the encryption public key.');
  }
  return {
    atKey: await walletSigningAtKey(check.atSign, signingPublicKey),
    value: signingPublicKey,
    dataSignature: encodeBase64(signature),
    encryptionPublicKey: keys.encryptionPublicKey,
  };
}

/** Same key, compared as DER bytes so base64 spelling cannot matter. */
function sameKey(a: string, b: string): boolean {
  const x = decodeBase64(a);
  const y = decodeBase64(b);
  return x !== null && y !== null && x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/**
 * True only if the binding names this atSign's signing key (in either form,
 * and with the key id of its value), its value is an ed25519 public key, and
 * its dataSignature verifies under the binding's
 * encryption public key. Never throws: anything malformed is simply false.
 *
 * The dataSignature covers only the value (as atPlatform dataSignatures do),
 * so on its own this proves "whoever holds this encryption key vouches for
 * this ed25519 key" — not that the encryption key is the atSign's. Anyone can
 * relabel their own binding with another atSign. Pass the atSign's real
 * encryption public key (from `public:publickey@alice`, or one pinned earlier)
 * as `trustedEncryptionPublicKey` to close that gap.
 */
export async function verifyKeyBinding(
  binding: KeyBinding,
  atSign: string,
  trustedEncryptionPublicKey?: string,
): Promise<boolean> {
  try {
    const check = checkAtSign(atSign);
    if (!check.ok || typeof binding !== 'object' || binding === null) return false;
    const { atKey, value, dataSignature, encryptionPublicKey } = binding;
    const named = parseSigningAtKey(atKey);
    if (named === null || named.atSign !== check.atSign) return false;
    if (typeof value !== 'string' || !isSigningPublicKey(value)) return false;
    if (named.keyId !== null && named.keyId !== (await signingKeyId(value))) return false;
    const signature = typeof dataSignature === 'string' ? decodeBase64(dataSignature) : null;
    if (signature === null || typeof encryptionPublicKey !== 'string') return false;
    if (trustedEncryptionPublicKey !== undefined && !sameKey(encryptionPublicKey, trustedEncryptionPublicKey)) {
      return false;
    }
    const publicKey = await importPublicKeyText(encryptionPublicKey, 'encryption public key');
    return await rsaVerify(publicKey, signature, value);
  } catch {
    return false;
  }
}
