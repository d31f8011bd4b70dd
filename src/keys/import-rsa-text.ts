// Imports a base64 DER key held as text (as AtKeys holds them) for signing or
// verifying, reporting bad input as AtKeysError rather than a DOMException.

import { decodeBase64 } from '../shared/base64';
import { AtKeysError, orProblem } from './errors';
import { importRsaPrivateKey, importRsaPublicKey, MIN_RSA_BITS, modulusBits } from './rsa';

async function importText(
  text: string,
  what: string,
  importer: (der: Uint8Array<ArrayBuffer>) => Promise<CryptoKey>,
): Promise<CryptoKey> {
  const der = decodeBase64(text);
  if (der === null) throw new AtKeysError('bad-base64', `The ${what} is not valid base64.`);
  const key = await orProblem('not-rsa', `The ${what} is not an RSA key.`, () => importer(der));
  if (!(modulusBits(key) >= MIN_RSA_BITS)) {
    throw new AtKeysError('not-rsa', `The ${what} is shorter than ${MIN_RSA_BITS} bits.`);
  }
  return key;
}

/** `what` names the key for the message, e.g. "PKAM private key". */
export const importPrivateKeyText = (pkcs8: string, what: string): Promise<CryptoKey> =>
  importText(pkcs8, what, importRsaPrivateKey);

export const importPublicKeyText = (spki: string, what: string): Promise<CryptoKey> =>
  importText(spki, what, importRsaPublicKey);
