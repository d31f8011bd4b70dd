// The relying-party SDK: what a site imports to find the atSign wallet and
// talk to it. Safe to import anywhere; nothing runs until it is called.
export { discoverProviders, onProviderAnnounced, ANNOUNCE_EVENT, REQUEST_EVENT } from './discover';
export type { DiscoveryTarget } from './discover';
export { request, isProviderRpcError } from './request';
export type { PageMethodName, ParamsOf, ResultOf } from './request';
export { ErrorCode } from '../../../src/shared/errors';
export type {
  AtSignProvider,
  AtSignProviderInfo,
  Grant,
  ProviderDetail,
  ProviderEventName,
  ProviderEvents,
  ProviderRpcError,
} from './types';
export {
  buildSignInMessage,
  parseSignInMessage,
  verifySignIn,
  createNonce,
  SignInError,
  SignInErrorCode,
  MAX_CLOCK_SKEW_MS,
  MAX_MESSAGE_CHARS,
  profileStatement,
  MAX_PROFILE_FIELDS,
  MAX_PROFILE_VALUE_CHARS,
} from './siwa';
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
} from './siwa';
export { createAtPlatformResolver, DEFAULT_ROOT } from './confirm/atplatform-resolver';
export type { AtPlatformResolverOptions } from './confirm/atplatform-resolver';
export { defineSignInButton, SIGN_IN_LABEL } from './signin-button';
export type {
  SignInButtonElement,
  SignInButtonEventMap,
  SignInButtonFailure,
  SignInButtonState,
  SignInButtonSuccess,
} from './signin-button-types';
// A type only: servers that keep nonces elsewhere write one (the adapters are in the Node build).
export type { NonceStore } from './server/nonce-store';
