// What a site's server runs on the wallet's answer to `atsign_signIn`
// (DESIGN §4). Checks run in the contract's order and stop at the first
// failure, each a SignInError with its own code. Misuse by the server itself
// (a bad option) is a TypeError instead, so it never reads as a bad sign-in.
import { SignInError, SignInErrorCode, grammarError } from './errors';
import { checkDomain, checkNonce } from './fields';
import { checkKeyBinding } from './key-binding';
import { checkProfile } from './profile';
import { parseSignInMessage } from './parse';
import { confirmOnAtPlatform } from './confirm';
import { checkSignature } from './signature';
import { checkTimeWindow } from './time-window';
import type { AtSignResolver, SignInResponse, VerifiedSignIn, VerifySignInOptions } from './types';

function checkOptions(options: VerifySignInOptions): { domain: string; scheme: string; nonce: string; now: number } {
  if (typeof options !== 'object' || options === null) throw new TypeError('verifySignIn needs options { domain, nonce }.');
  const { domain, scheme = 'https', nonce, now = Date.now(), resolver } = options;
  if (scheme !== 'https' && scheme !== 'http') throw new TypeError('options.scheme must be "https" (the default) or "http".');
  if (typeof domain !== 'string' || checkDomain(domain) !== null) {
    throw new TypeError('options.domain must be your host as new URL(origin).host gives it, e.g. "example.com" or "localhost:3000".');
  }
  if (typeof nonce !== 'string' || checkNonce(nonce) !== null) {
    throw new TypeError('options.nonce must be the nonce you issued: 8 to 64 ASCII letters and digits.');
  }
  const ms = now instanceof Date ? now.getTime() : now;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new TypeError('options.now must be a valid Date or a time in ms.');
  if (resolver !== undefined && typeof resolver !== 'function') throw new TypeError('options.resolver must be a function.');
  const { root, ca } = options;
  if (root !== undefined && (typeof root !== 'string' || !/^[^\s:/@]+:\d{1,5}$/.test(root))) {
    throw new TypeError('options.root must be the root directory as "host:port", e.g. "root.atsign.org:64".');
  }
  if (ca !== undefined && typeof ca !== 'string' && !(Array.isArray(ca) && ca.every((pem) => typeof pem === 'string'))) {
    throw new TypeError('options.ca must be PEM text, or a list of them.');
  }
  if (options.allowSelfAsserted !== undefined && typeof options.allowSelfAsserted !== 'boolean') {
    throw new TypeError('options.allowSelfAsserted must be true or false.');
  }
  return { domain, scheme, nonce, now: ms };
}

/** The URI's origin; null when it has none (not a URL, or not a web scheme). */
function originOf(uri: string): string | null {
  try {
    const { origin } = new URL(uri);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Where a build of the SDK finds its own resolver when the site gives none:
 * the Node build asks the atPlatform over TLS; a browser cannot open TLS
 * connections, so the browser build has none (null).
 */
export type DefaultResolver = (options: VerifySignInOptions) => AtSignResolver | null;

const NO_RESOLVER =
  'verifySignIn cannot reach the atPlatform here (browsers cannot open TLS connections). ' +
  'Verify sign-ins on your server with the Node build, pass options.resolver, or opt into self-asserted sign-ins with allowSelfAsserted: true.';

/**
 * Verifies a sign-in response and returns who signed in. Resolves only if
 * every check passes: the offline ones first (so junk costs no network), then
 * — unless the site opted into self-asserted sign-ins — the atPlatform's word
 * that the keys are the atSign's (see KeySource). Keeping nonces single-use —
 * and issuing them per attempt — is the caller's part.
 */
export async function verifySignInWith(
  response: SignInResponse,
  options: VerifySignInOptions,
  defaultResolver: DefaultResolver,
): Promise<VerifiedSignIn> {
  const { domain, scheme, nonce, now } = checkOptions(options);
  const resolver = options.allowSelfAsserted === true ? null : (options.resolver ?? defaultResolver(options));
  if (options.allowSelfAsserted !== true && resolver === null) throw new TypeError(NO_RESOLVER);
  if (typeof response !== 'object' || response === null) throw grammarError('The sign-in response must be an object.');
  const { message: text, signature, publicKey, keyBinding, profile, profileSignature } = response as Partial<
    Record<keyof SignInResponse, unknown>
  >;

  const message = parseSignInMessage(text as string);
  if (message.domain !== domain) {
    throw new SignInError(SignInErrorCode.DOMAIN_MISMATCH, `The message is for "${message.domain}", not "${domain}".`);
  }
  // The header names only the host; the URI says which scheme the page that
  // asked was served over, and an http page is not its https site.
  const signedFor = originOf(message.uri);
  if (signedFor !== `${scheme}://${domain}`) {
    throw new SignInError(
      SignInErrorCode.DOMAIN_MISMATCH,
      `The message was signed for ${signedFor ?? `the URI "${message.uri}"`}, not ${scheme}://${domain}.`,
    );
  }
  if (message.nonce !== nonce) {
    throw new SignInError(SignInErrorCode.NONCE_MISMATCH, 'The message answers another nonce than the one issued.');
  }
  checkTimeWindow(message, now);
  await checkSignature(text as string, signature, publicKey);
  const bound = await checkKeyBinding(keyBinding, publicKey as string);
  if (bound.atSign !== message.atSign) {
    throw new SignInError(
      SignInErrorCode.ATSIGN_MISMATCH,
      `The message signs in ${message.atSign} but the keyBinding is for ${bound.atSign}.`,
    );
  }
  const shared = await checkProfile(text as string, publicKey as string, profile, profileSignature);
  const verified = { atSign: message.atSign, message, publicKey: publicKey as string, profile: shared };
  if (resolver === null) return { ...verified, keySource: 'self-asserted', signingKeyPublished: false };
  const { signingKeyPublished } = await confirmOnAtPlatform(resolver, message.atSign, {
    encryptionPublicKey: bound.encryptionPublicKey,
    signingPublicKey: publicKey as string,
    signingAtKey: bound.atKey,
  });
  return { ...verified, keySource: 'atServer', signingKeyPublished };
}

/**
 * Verifies a sign-in response (see verifySignInWith). This build has no way
 * to the atPlatform of its own: give `resolver`, or say `allowSelfAsserted`.
 * The Node build (`@atsign-wallet/sdk` imported in Node) confirms on the
 * atPlatform by default.
 */
export function verifySignIn(response: SignInResponse, options: VerifySignInOptions): Promise<VerifiedSignIn> {
  return verifySignInWith(response, options, () => null);
}
