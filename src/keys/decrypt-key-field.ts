// Turns one encrypted aes* value of an .atKeys file into the base64 DER text
// it holds. Every way this can fail is reported as a problem of the file,
// naming the field, so a person learns which part is damaged.

import { AES_BLOCK_BYTES } from './atkeys-format';
import { decodeBase64, utf8DecodeStrict } from '../shared/base64';
import { isDerSequence } from './der';
import { AtKeysError, orProblem } from './errors';
import { decryptWithSelfKey } from './self-key-cipher';

/** Checks the ciphertext's own shape before any decryption is tried. */
export function decodeCiphertext(field: string, value: string): Uint8Array<ArrayBuffer> {
  const bytes = decodeBase64(value);
  if (bytes === null) {
    throw new AtKeysError(
      'bad-base64',
      `The "${field}" field is not valid base64; the file may be truncated or damaged.`,
    );
  }
  if (bytes.length === 0 || bytes.length % AES_BLOCK_BYTES !== 0) {
    throw new AtKeysError(
      'bad-base64',
      `The "${field}" field does not hold whole ${AES_BLOCK_BYTES}-byte AES blocks; the file may be truncated or damaged.`,
    );
  }
  return bytes;
}

export interface DecryptedKey {
  /** The plaintext exactly as stored (base64 DER), so re-export is byte-identical. */
  text: string;
  der: Uint8Array<ArrayBuffer>;
}

export async function decryptKeyField(
  selfKey: CryptoKey,
  field: string,
  ciphertext: Uint8Array<ArrayBuffer>,
): Promise<DecryptedKey> {
  const wrongKey = new AtKeysError(
    'wrong-self-key',
    `The "selfEncryptionKey" does not decrypt the "${field}" field: the self key belongs to another file, or the field is damaged.`,
  );
  const plain = await orProblem('wrong-self-key', wrongKey.message, () => decryptWithSelfKey(selfKey, ciphertext));
  // Bad padding, text that is not base64, or base64 that is not DER: with CTR
  // mode each is what a wrong key (or a damaged value) looks like.
  if (plain === null) throw wrongKey;
  const text = utf8DecodeStrict(plain);
  const der = text === null ? null : decodeBase64(text);
  if (text === null || der === null || !isDerSequence(der)) throw wrongKey;
  return { text, der };
}
