// The SDK for servers on Node 20+ (`@atsign-wallet/sdk` under Node's "node"
// condition): everything the universal build has, with verifySignIn and
// createAtPlatformResolver reaching the atPlatform over TLS by themselves.
export * from './index';
export { createAtPlatformResolver, verifySignIn } from './node-verify';
export type { NodeAtPlatformResolverOptions } from './node-verify';
export { atSignSignIn } from './server/connect';
export type { ConnectHandler, ConnectSignIn, ConnectSignInOptions, Next, SignInRequest } from './server/connect';
export { createSignInRoutes, SignInRouteError, DEFAULT_NONCE_TTL_MS } from './server/sign-in-routes';
export type { SignInRoutes, SignInRoutesOptions } from './server/sign-in-routes';
export { createMemoryNonceStore } from './server/nonce-store';
export type { MemoryNonceStoreOptions, NonceStore } from './server/nonce-store';
export { AtSignStrategy } from './server/passport';
export type {
  AtSignFailure,
  AtSignStrategyOptions,
  AtSignVerifyCallback,
  AtSignVerifyCallbackWithRequest,
  AtSignVerifyDone,
} from './server/passport';
