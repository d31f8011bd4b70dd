// Proves that what a file calls an RSA key pair is one: each half imports as
// RSA of at least 2048 bits, and the private half signs what the public half
// verifies. A file with swapped or mixed-up halves would otherwise import fine
// and then fail, much later, at the atServer.

import { AtKeysError, orProblem } from './errors';
import { importRsaPrivateKey, importRsaPublicKey, MIN_RSA_BITS, modulusBits, rsaSign, rsaVerify } from './rsa';

const PROBE = 'atSign wallet: does this private key match its public key?';

async function importChecked(field: string, kind: 'public' | 'private', der: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const form = kind === 'public' ? 'an RSA public key (SPKI)' : 'an RSA private key (PKCS#8)';
  const key = await orProblem('not-rsa', `The "${field}" field does not hold ${form}.`, () =>
    kind === 'public' ? importRsaPublicKey(der) : importRsaPrivateKey(der),
  );
  const bits = modulusBits(key);
  if (!(bits >= MIN_RSA_BITS)) {
    throw new AtKeysError(
      'not-rsa',
      `The "${field}" field holds a ${bits}-bit RSA key; at least ${MIN_RSA_BITS} bits are needed.`,
    );
  }
  return key;
}

export interface PairFields {
  publicField: string;
  privateField: string;
}

/** Imports both halves and checks they belong together; returns the private key. */
export async function checkRsaPair(
  { publicField, privateField }: PairFields,
  publicDer: Uint8Array<ArrayBuffer>,
  privateDer: Uint8Array<ArrayBuffer>,
): Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }> {
  const publicKey = await importChecked(publicField, 'public', publicDer);
  const privateKey = await importChecked(privateField, 'private', privateDer);
  const mismatch = `The "${privateField}" field does not belong with the "${publicField}" field: a signature made with one does not verify with the other.`;
  const matches = await orProblem('key-mismatch', mismatch, async () =>
    rsaVerify(publicKey, await rsaSign(privateKey, PROBE), PROBE),
  );
  if (!matches) throw new AtKeysError('key-mismatch', mismatch);
  return { publicKey, privateKey };
}
