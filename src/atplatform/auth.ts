// Answers to the atServer's `from` challenge (ATPLATFORM §3): PKAM signs the
// challenge text exactly as it came after `data:` — RSASSA-PKCS1-v1_5/SHA-256,
// base64 — and CRAM sends hex SHA-512 of the secret followed by the challenge.
// WebCrypto only, so this runs in the wallet and in Node alike.

import { encodeBase64, encodeHex, utf8Encode } from '../shared/base64';
import { signPkamChallenge } from '../keys/pkam';
import { rsaSign } from '../keys/rsa';
import { AtClientError, badInput, excerpt, malformed } from './errors';

/** A PKAM private key as .atKeys holds it (base64 PKCS#8), or an imported RSASSA-PKCS1-v1_5/SHA-256 CryptoKey. */
export type PkamPrivateKey = string | CryptoKey;

export async function pkamSignature(privateKey: PkamPrivateKey, challenge: string): Promise<string> {
  if (typeof privateKey === 'string') return signPkamChallenge(privateKey, challenge);
  if (typeof CryptoKey !== 'undefined' && privateKey instanceof CryptoKey) {
    try {
      return encodeBase64(await rsaSign(privateKey, challenge));
    } catch (error) {
      throw new AtClientError('bad-input', 'The PKAM private key could not sign.', { cause: error });
    }
  }
  throw badInput('The PKAM private key must be base64 PKCS#8 text or a CryptoKey.');
}

export async function cramDigest(secret: string, challenge: string): Promise<string> {
  if (typeof secret !== 'string' || secret === '') throw badInput('A CRAM secret cannot be empty.');
  return encodeHex(new Uint8Array(await crypto.subtle.digest('SHA-512', utf8Encode(secret + challenge))));
}

/**
 * The server's challenge to its own atSign is `_<session>@alice:<uuid>`; to
 * anyone else it is a `proof:` for a different handshake. Signing that would
 * not authenticate, so say plainly that this server is not the atSign's.
 */
export function checkChallenge(challenge: string, atSign: string): string {
  if (challenge.startsWith('proof:') || !challenge.includes(`${atSign}:`)) {
    throw malformed(`The atServer did not challenge ${atSign} as its owner (it sent ${excerpt(challenge)}): is this ${atSign}'s atServer?`);
  }
  return challenge;
}
