// A key's fingerprint: lowercase hex SHA-256 of the DER bytes (not of the
// base64 text), the definition fixtures.json uses and one `openssl`/`sha256sum`
// reproduce from a .der file.

import { decodeBase64, encodeHex } from '../shared/base64';
import { AtKeysError } from './errors';

export async function fingerprint(publicKeyBase64Der: string): Promise<string> {
  const der = decodeBase64(publicKeyBase64Der);
  if (der === null) throw new AtKeysError('bad-base64', 'A key to fingerprint must be base64 DER.');
  return sha256Hex(der);
}

/** Lowercase hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return encodeHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
