// One error type for every reason a sign-in is refused, so a server can answer
// "401, and here is why" by switching on `code` — and tell those apart from its
// own bugs and misuse (a bad option), which are never SignInErrors. An
// atServer that cannot be reached is a refusal too (ATSERVER_UNREACHABLE): a
// sign-in nobody could confirm is never accepted.

export const SignInErrorCode = {
  /** The message is not exactly the grammar of DESIGN §4 (or the response is not shaped as one). */
  GRAMMAR: 'GRAMMAR',
  /** The message was written for another site. */
  DOMAIN_MISMATCH: 'DOMAIN_MISMATCH',
  /** The message answers another challenge (a replay, or another session's nonce). */
  NONCE_MISMATCH: 'NONCE_MISMATCH',
  /** Now is at or after the message's Expiration Time. */
  EXPIRED: 'EXPIRED',
  /** Now is before Not Before, or Issued At is more than the allowed skew in the future. */
  NOT_YET_VALID: 'NOT_YET_VALID',
  /** The ed25519 signature does not verify over the message with the given public key. */
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  /** The key binding does not vouch for the signing key, or the atServer publishes another encryption key. */
  BAD_KEY_BINDING: 'BAD_KEY_BINDING',
  /** The message names one atSign and the key binding another. */
  ATSIGN_MISMATCH: 'ATSIGN_MISMATCH',
  /** The root directory does not know the atSign, or its atServer publishes no encryption key (not activated). */
  ATSIGN_NOT_FOUND: 'ATSIGN_NOT_FOUND',
  /** The root or the atSign's atServer could not be reached or did not answer in time: nothing was confirmed. */
  ATSERVER_UNREACHABLE: 'ATSERVER_UNREACHABLE',
  /** The atSign's atServer publishes another encryption key, or another (or a badly signed) wallet signing key. */
  KEY_MISMATCH: 'KEY_MISMATCH',
  /** The profile is not the one the wallet signed with this sign-in: changed, added to, cut, unsigned, or from another sign-in. */
  PROFILE_MISMATCH: 'PROFILE_MISMATCH',
} as const;

export type SignInErrorCode = (typeof SignInErrorCode)[keyof typeof SignInErrorCode];

export class SignInError extends Error {
  readonly code: SignInErrorCode;

  /** `message` is a whole sentence naming the line, field or check at fault. */
  constructor(code: SignInErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInError';
    this.code = code;
  }
}

export const grammarError = (message: string): SignInError => new SignInError(SignInErrorCode.GRAMMAR, message);
