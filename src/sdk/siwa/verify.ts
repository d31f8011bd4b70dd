// What a site's server runs on the wallet's answer to `atsign_signIn`
// (DESIGN §4). Checks run in the contract's order and stop at the first
// failure, each a SignInError with its own code. Misuse by the server itself
// (a bad option) is a TypeError instead, so it never reads as a bad sign-in.
import { SignInError, SignInErrorCode, grammarError } from './errors';
import { checkDomain, checkNonce } from './fields';
import { checkKeyBinding } from './key-binding';
import { parseSignInMessage } from './parse';
import { confirmEncryptionKey } from './resolver';
import { checkSignature } from './signature';
import { checkTimeWindow } from './time-window';
import type { SignInResponse, VerifiedSignIn, VerifySignInOptions } from './types';

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
 * Verifies a sign-in response and returns who signed in. Resolves only if
 * every check passes; read `keySource` before trusting `atSign` (see
 * KeySource: 'self-asserted' means no one outside the response confirmed it).
 * Keeping nonces single-use — and issuing them per attempt — is the caller's part.
 */
export async function verifySignIn(response: SignInResponse, options: VerifySignInOptions): Promise<VerifiedSignIn> {
  const { domain, scheme, nonce, now } = checkOptions(options);
  if (typeof response !== 'object' || response === null) throw grammarError('The sign-in response must be an object.');
  const { message: text, signature, publicKey, keyBinding } = response as Partial<Record<keyof SignInResponse, unknown>>;

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
  const keySource = await confirmEncryptionKey(options.resolver, message.atSign, bound.encryptionPublicKey);
  return { atSign: message.atSign, message, publicKey: publicKey as string, keySource };
}
