// Writes AtKeys as the atPlatform writes an .atKeys file: the four aes* fields
// (AES-256-CTR, zero IV, PKCS#7, base64), then selfEncryptionKey, then
// "<atSign>": selfEncryptionKey — compact JSON, no trailing newline, like
// Dart's jsonEncode — and then every `extra` key, so nothing read is lost.
// CTR with a fixed IV is deterministic, so a file read and written back has
// the very same ciphertexts.

import { KEY_FIELDS, KNOWN_FIELDS, SELF_KEY_BYTES, SELF_KEY_FIELD } from './atkeys-format';
import { checkAtSign } from './atsign';
import { decodeBase64, encodeBase64, utf8Encode } from '../shared/base64';
import { AtKeysError } from './errors';
import { encryptWithSelfKey, importSelfKey } from './self-key-cipher';
import type { AtKeys } from './types';

/**
 * JSON text of an object with its keys in exactly this order. JSON.stringify
 * of a plain object would move integer-like keys to the front and treat a
 * "__proto__" entry specially; writing the members ourselves does neither.
 */
function orderedJson(entries: [string, unknown][]): string {
  const members: string[] = [];
  for (const [key, value] of entries) {
    const json = JSON.stringify(value);
    if (json !== undefined) members.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${members.join(',')}}`;
}

export async function writeAtKeys(keys: AtKeys): Promise<string> {
  const check = checkAtSign(keys.atSign);
  if (!check.ok) throw new AtKeysError('bad-atsign', `The atSign "${keys.atSign}" is not valid. ${check.problems.join(' ')}`);
  const atSign = check.atSign;

  const selfKeyBytes = decodeBase64(keys.selfEncryptionKey);
  if (selfKeyBytes === null || selfKeyBytes.length !== SELF_KEY_BYTES) {
    throw new AtKeysError('bad-self-key', `The self encryption key must be base64 of a ${SELF_KEY_BYTES}-byte AES key.`);
  }
  for (const { property } of KEY_FIELDS) {
    if (decodeBase64(keys[property]) === null) {
      throw new AtKeysError('bad-base64', `The "${property}" key is not valid base64 DER.`);
    }
  }

  const selfKey = await importSelfKey(selfKeyBytes);
  const entries: [string, unknown][] = [];
  for (const { property, field } of KEY_FIELDS) {
    entries.push([field, encodeBase64(await encryptWithSelfKey(selfKey, utf8Encode(keys[property])))]);
  }
  entries.push([SELF_KEY_FIELD, keys.selfEncryptionKey]);
  entries.push([atSign, keys.selfEncryptionKey]);
  for (const [key, value] of Object.entries(keys.extra)) {
    // The fields above are written from the keys themselves; an `extra` copy
    // of one would make a file with two values for the same name.
    if (!KNOWN_FIELDS.has(key) && key !== atSign) entries.push([key, value]);
  }
  return orderedJson(entries);
}
