// The shapes of "Sign in with atSign" (DESIGN §4): the message's fields, what
// the wallet answers `atsign_signIn` with, and what a server learns from it.
import type { KeyBinding } from '../../keys';

export type { KeyBinding };

/**
 * The fields of a sign-in message, as its text holds them. Times stay strings
 * (exactly as `Date.prototype.toISOString` writes them) so that a parsed
 * message builds back to the very text that was signed. Optional fields are
 * absent, never `undefined`, in what `parseSignInMessage` returns.
 */
export interface SignInMessage {
  /** The requesting site's authority: host, plus ":port" when not the scheme's default (`new URL(origin).host`). */
  domain: string;
  /** Normalised atSign, e.g. "@alice🛠". */
  atSign: string;
  /** One line for the person to read; no line breaks. */
  statement?: string;
  /** The requesting site's origin or page, an RFC 3986 URI. */
  uri: string;
  version: '1';
  /** The server's challenge: 8 to 64 ASCII letters and digits. */
  nonce: string;
  issuedAt: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  /** At least one RFC 3986 URI when present. */
  resources?: string[];
}

/** What `buildSignInMessage` takes: a message, with the only version there is filled in for you. */
export type SignInFields = Omit<SignInMessage, 'version'> & { version?: '1' };

/** The wallet's answer to `atsign_signIn`, which the site sends to its server as is. */
export interface SignInResponse {
  /** The exact text the wallet signed. */
  message: string;
  /** base64url (unpadded) ed25519 signature over the UTF-8 message. */
  signature: string;
  /** base64url (unpadded) ed25519 public key. */
  publicKey: string;
  /** `public:signing_key.atwallet@alice`, signed by the atSign's encryption key (DESIGN §2). */
  keyBinding: KeyBinding;
}

/**
 * Looks up the encryption public key an atSign publishes at
 * `public:publickey@alice` on its atServer (or one the server pinned earlier),
 * as base64 DER SPKI; `null` when it cannot be found. Errors it throws (an
 * unreachable atServer) reach the caller of `verifySignIn` unchanged: a sign-in
 * is never accepted as confirmed because the check could not be made.
 */
export type EncryptionKeyResolver = (atSign: string) => Promise<string | null>;

export interface VerifySignInOptions {
  /** Your site's authority exactly as the browser gives it: `new URL(origin).host`, e.g. "example.com" or "localhost:3000". */
  domain: string;
  /**
   * The scheme your site is served over: "https" unless you say "http" (a
   * site in development on http://localhost). The message's URI must be
   * `scheme://domain`, so an answer a person gave an http page of your host
   * is not accepted by its https site.
   */
  scheme?: 'https' | 'http';
  /** The nonce you issued for this sign-in, and have not accepted before. */
  nonce: string;
  /** Defaults to the current time. */
  now?: Date | number;
  resolver?: EncryptionKeyResolver;
}

/**
 * Where the trust in the encryption key comes from:
 * - 'atServer': the resolver returned the atSign's published encryption key
 *   and it is the key in the binding. The sign-in is proven to come from
 *   whoever holds that atSign's keys.
 * - 'self-asserted': nothing outside the response confirmed the key. The
 *   response is internally consistent — the wallet key signed this message
 *   for your domain and nonce, and some RSA key vouches for it under this
 *   atSign's name — but anyone can make such a binding for any atSign with a
 *   key of their own. Treat `atSign` as a claim: fine for "the same person
 *   as last time" (pin `publicKey` or the binding's encryption key on first
 *   use), not for granting what belongs to the real atSign's owner.
 */
export type KeySource = 'atServer' | 'self-asserted';

export interface VerifiedSignIn {
  atSign: string;
  message: SignInMessage;
  /** The ed25519 key that signed (base64url). */
  publicKey: string;
  keySource: KeySource;
}
