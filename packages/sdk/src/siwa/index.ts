// "Sign in with atSign" (DESIGN §4): the message the wallet signs, and the
// checks a site's server makes on the answer. Pure WebCrypto and @noble, so it
// runs in browsers and in Node ≥ 20.
export { buildSignInMessage } from './build';
export { parseSignInMessage } from './parse';
export { verifySignIn, verifySignInWith } from './verify';
export type { DefaultResolver } from './verify';
export { createNonce, MIN_NONCE_CHARS, MAX_NONCE_CHARS, DEFAULT_NONCE_CHARS } from './nonce';
export { SignInError, SignInErrorCode } from './errors';
export { MAX_CLOCK_SKEW_MS } from './time-window';
export { MAX_MESSAGE_CHARS } from './grammar';
export { canonicalProfile, profileStatement, MAX_PROFILE_FIELDS, MAX_PROFILE_VALUE_CHARS } from './profile';
export type {
  AtSignResolver,
  KeyBinding,
  KeySource,
  PublishedAtSignKeys,
  SignInFields,
  SignInMessage,
  SignInResponse,
  VerifiedSignIn,
  VerifySignInOptions,
} from './types';
