// The SDK for servers on Node 20+ (`atsign-wallet/sdk` under Node's "node"
// condition): everything the universal build has, with verifySignIn and
// createAtPlatformResolver reaching the atPlatform over TLS by themselves.
export * from './index';
export { createAtPlatformResolver, verifySignIn } from './node-verify';
export type { NodeAtPlatformResolverOptions } from './node-verify';
