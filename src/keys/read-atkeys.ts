// Reads an .atKeys file (DESIGN §2) into decrypted AtKeys, checking everything
// a careful person would want checked before trusting it with their identity:
// shape, encodings, the self key, that every key is RSA-2048 or larger, that
// each private key matches its public key, and whose keys these are.
// Cheap checks run first so a broken file is refused before any crypto.

import { findAtSign } from './atsign-sources';
import { KEY_FIELDS, KNOWN_FIELDS, MAX_ATKEYS_BYTES, SELF_KEY_BYTES, SELF_KEY_FIELD } from './atkeys-format';
import { decodeBase64 } from '../shared/base64';
import { decodeCiphertext, decryptKeyField, type DecryptedKey } from './decrypt-key-field';
import { AtKeysError, orProblem, type AtKeysProblem } from './errors';
import { checkRsaPair } from './rsa-key-check';
import { importSelfKey } from './self-key-cipher';
import type { AtKeys } from './types';

function checkSize(text: string): void {
  const tooLarge = new AtKeysError(
    'too-large',
    `The file is too large to be an .atKeys file (over ${MAX_ATKEYS_BYTES / 1024 / 1024} MiB); real ones are about 6 KB.`,
  );
  // UTF-16 length bounds the UTF-8 size from below, so huge input is refused
  // without encoding it; only text that could be near the limit is measured.
  if (text.length > MAX_ATKEYS_BYTES) throw tooLarge;
  if (text.length * 3 > MAX_ATKEYS_BYTES && new TextEncoder().encode(text).length > MAX_ATKEYS_BYTES) throw tooLarge;
}

function parseObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    // Some editors save a byte-order mark; it is not part of the JSON.
    parsed = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (error) {
    throw new AtKeysError('not-json', 'The file is not valid JSON, so it cannot be an .atKeys file.', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AtKeysError('not-an-object', 'The file is JSON but not an object of named keys, so it cannot be an .atKeys file.');
  }
  return parsed as Record<string, unknown>;
}

function requireText(file: Record<string, unknown>, field: string): string {
  if (!Object.hasOwn(file, field)) throw new AtKeysError('missing-field', `The file has no "${field}" field.`);
  const value = file[field];
  if (typeof value !== 'string') throw new AtKeysError('missing-field', `The "${field}" field must be text.`);
  if (value === '') throw new AtKeysError('missing-field', `The "${field}" field is empty.`);
  return value;
}

function decodeSelfKey(value: string): Uint8Array<ArrayBuffer> {
  const bytes = decodeBase64(value);
  if (bytes === null || bytes.length !== SELF_KEY_BYTES) {
    throw new AtKeysError(
      'bad-self-key',
      `The "${SELF_KEY_FIELD}" field must be base64 of a ${SELF_KEY_BYTES}-byte AES key.`,
    );
  }
  return bytes;
}

async function readChecked(text: string, fileName: string | undefined, stage: { now: AtKeysProblem }): Promise<AtKeys> {
  if (typeof text !== 'string') throw new AtKeysError('not-json', 'The file is not text, so it cannot be an .atKeys file.');
  checkSize(text);
  const file = parseObject(text);

  const texts = KEY_FIELDS.map((f) => requireText(file, f.field));
  const selfKeyText = requireText(file, SELF_KEY_FIELD);
  const selfKeyBytes = decodeSelfKey(selfKeyText);
  const ciphertexts = KEY_FIELDS.map((f, i) => decodeCiphertext(f.field, texts[i] ?? ''));
  const { atSign, ownerKeys } = findAtSign(file, fileName);

  stage.now = 'wrong-self-key';
  const selfKey = await orProblem('bad-self-key', `The "${SELF_KEY_FIELD}" field is not a usable AES-256 key.`, () =>
    importSelfKey(selfKeyBytes),
  );
  const plain: DecryptedKey[] = [];
  for (const [i, { field }] of KEY_FIELDS.entries()) {
    plain.push(await decryptKeyField(selfKey, field, ciphertexts[i] ?? new Uint8Array()));
  }
  const [pkamPublic, pkamPrivate, encPublic, encPrivate] = plain as [DecryptedKey, DecryptedKey, DecryptedKey, DecryptedKey];

  stage.now = 'not-rsa';
  const field = (i: number): string => KEY_FIELDS[i]?.field ?? '';
  await checkRsaPair({ publicField: field(0), privateField: field(1) }, pkamPublic.der, pkamPrivate.der);
  await checkRsaPair({ publicField: field(2), privateField: field(3) }, encPublic.der, encPrivate.der);

  // Object.fromEntries defines own properties, so even a "__proto__" key is
  // kept as data rather than becoming the object's prototype.
  const skip = new Set([...KNOWN_FIELDS, ...ownerKeys]);
  const extra = Object.fromEntries(Object.entries(file).filter(([key]) => !skip.has(key)));
  return {
    atSign,
    pkamPublicKey: pkamPublic.text,
    pkamPrivateKey: pkamPrivate.text,
    encryptionPublicKey: encPublic.text,
    encryptionPrivateKey: encPrivate.text,
    selfEncryptionKey: selfKeyText,
    extra,
  };
}

/**
 * Reads and fully validates an .atKeys file. `fileName` is only a last resort
 * for the atSign (and a cross-check). Throws AtKeysError, and nothing else.
 */
export async function readAtKeys(text: string, fileName?: string): Promise<AtKeys> {
  // Which kind of problem an unexpected failure would be, by how far we got.
  const stage: { now: AtKeysProblem } = { now: 'not-an-object' };
  try {
    return await readChecked(text, fileName, stage);
  } catch (error) {
    if (error instanceof AtKeysError) throw error;
    // Every expected failure is mapped where it happens; this is the net for
    // the unexpected, so callers can still rely on one error type.
    throw new AtKeysError(stage.now, 'The file could not be read as atPlatform keys.', { cause: error });
  }
}
