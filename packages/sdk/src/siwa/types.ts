// The shapes of "Sign in with atSign" (DESIGN §4): the message's fields, what
// the wallet answers `atsign_signIn` with, and what a server learns from it.
import type { KeyBinding } from '../../../../src/keys';

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
  /** `public:<key id>.signing_key.atwallet@alice`, signed by the atSign's encryption key (DESIGN §2). */
  keyBinding: KeyBinding;
  /** The profile fields the person shared with this sign-in, when the site asked for some. */
  profile?: Record<string, string>;
  /** base64url ed25519 signature, by `publicKey`, over the profile bound to this message (see profileStatement). */
  profileSignature?: string;
}

/**
 * What an atSign publishes on its atServer for a relying party to check a
 * sign-in against: its encryption public key (`public:publickey@alice`) and,
 * when the wallet that signed has published it, that wallet's signing key
 * (the keyBinding's atKey, with its dataSignature).
 */
export interface PublishedAtSignKeys {
  /** base64 DER SPKI, as `public:publickey@alice` holds it. */
  encryptionPublicKey: string;
  /** The published signing key, or null when the atSign's wallet has not published one. */
  signingKey: { value: string; dataSignature: string | null } | null;
}

/**
 * Asks the atPlatform what an atSign publishes. Resolves null when the root
 * directory does not know the atSign (→ ATSIGN_NOT_FOUND). It may throw a
 * SignInError of its own (e.g. ATSIGN_NOT_FOUND for an atSign whose atServer
 * publishes no key); anything else it throws — a timeout, a refused
 * connection — refuses the sign-in as ATSERVER_UNREACHABLE, with the error as
 * its `cause`: a sign-in is never accepted because a lookup failed.
 */
export type AtSignResolver = (atSign: string, question?: ResolverQuestion) => Promise<PublishedAtSignKeys | null>;

/** What verifySignIn asks a resolver besides the atSign. */
export interface ResolverQuestion {
  /**
   * The signing key to read, as the keyBinding names it:
   * `public:<key id>.signing_key.atwallet@alice` (each wallet publishes its
   * own), or `public:signing_key.atwallet@alice` from the first wallets.
   */
  signingAtKey: string;
  /**
   * The encryption public key the keyBinding names (base64 DER SPKI). A
   * resolver may use it to save work: when the atSign publishes another one
   * the sign-in is refused on that alone, so it can answer with the published
   * encryption key and `signingKey: null` without reading the signing key
   * (the SDK's resolver then looks nothing up while it keeps what the atSign
   * publishes). A resolver may ignore it.
   */
  encryptionPublicKey?: string;
  /**
   * Set when a kept answer disagreed with the sign-in: ask the atServer
   * again rather than answer from a cache (a wallet may have just published,
   * or the atSign's keys changed). Anyone can make a sign-in that disagrees,
   * so a resolver should bound how often this costs a lookup: the SDK's
   * does not re-fetch an answer younger than its `freshMinMs` (10 s by
   * default).
   */
  fresh?: boolean;
}

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
  /**
   * The root directory to find atServers through, "host:port". Defaults to
   * the atPlatform's, "root.atsign.org:64"; a private or test atPlatform has
   * its own. Used by the SDK's own resolver (Node), not with `resolver`.
   */
  root?: string;
  /**
   * Certificate authorities (PEM) to trust for the root and atServers instead
   * of Node's usual ones — for a private or test atPlatform. Verification is
   * always on. Used by the SDK's own resolver (Node), not with `resolver`.
   */
  ca?: string | string[];
  /** Asks the atPlatform your own way (or a resolver from createAtPlatformResolver with its own settings). */
  resolver?: AtSignResolver;
  /**
   * Accept sign-ins without asking the atPlatform: the result is
   * `keySource: 'self-asserted'` and nothing is looked up. Off by default;
   * see KeySource for what such a sign-in proves.
   */
  allowSelfAsserted?: boolean;
}

/**
 * Where the trust in the atSign comes from:
 * - 'atServer': the atSign's atServer, found through the root, publishes the
 *   encryption key in the binding (and, when the wallet published a signing
 *   key there, the key that signed). The sign-in comes from whoever holds
 *   that atSign's keys.
 * - 'self-asserted': only with `allowSelfAsserted`; nothing outside the
 *   response confirmed the key. The response is internally consistent — the
 *   wallet key signed this message for your domain and nonce, and some RSA
 *   key vouches for it under this atSign's name — but anyone can make such a
 *   binding for any atSign with a key of their own. Treat `atSign` as a
 *   claim: fine for "the same person as last time" (pin `publicKey` on first
 *   use), not for granting what belongs to the real atSign's owner.
 */
export type KeySource = 'atServer' | 'self-asserted';

export interface VerifiedSignIn {
  atSign: string;
  message: SignInMessage;
  /** The ed25519 key that signed (base64url). */
  publicKey: string;
  keySource: KeySource;
  /** With 'atServer': whether the atServer also publishes this wallet's signing key (confirmed too), not only the encryption key. */
  signingKeyPublished: boolean;
  /**
   * The profile shared with the sign-in, its signature checked: the values
   * the person's wallet gave, unchanged since ({} when none were shared).
   * Trusted as far as the atSign is (see keySource).
   */
  profile: Record<string, string>;
}
