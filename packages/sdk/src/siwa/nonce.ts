// Fresh nonces for servers: one per sign-in attempt, accepted once. Letters
// and digits only, so they fit the message grammar as they are.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 62 that fits a byte: bytes at or above it are
// dropped, so every character is equally likely (a plain `% 62` would not be).
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

export const MIN_NONCE_CHARS = 16;
export const MAX_NONCE_CHARS = 64;
/** 22 characters of 62 carry 130 bits: not guessable, even across many sessions. */
export const DEFAULT_NONCE_CHARS = 22;

export function createNonce(length: number = DEFAULT_NONCE_CHARS): string {
  if (!Number.isInteger(length) || length < MIN_NONCE_CHARS || length > MAX_NONCE_CHARS) {
    throw new RangeError(`A nonce must have ${MIN_NONCE_CHARS} to ${MAX_NONCE_CHARS} characters.`);
  }
  let nonce = '';
  while (nonce.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < UNBIASED_LIMIT && nonce.length < length) nonce += ALPHABET[byte % ALPHABET.length];
    }
  }
  return nonce;
}
