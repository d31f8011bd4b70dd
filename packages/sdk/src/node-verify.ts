// verifySignIn for servers on Node: with no `resolver` given, it confirms the
// sign-in on the atPlatform over TLS (root, then the atSign's atServer). One
// resolver — one cache — is kept per root and set of trusted CAs.
import type { AtConnector } from '../../../src/atplatform';
import { tlsConnector } from '../../../src/atplatform/transports/node-tls';
import {
  createAtPlatformResolver as createResolver,
  DEFAULT_ROOT,
  type AtPlatformResolverOptions,
} from './confirm/atplatform-resolver';
import { verifySignInWith } from './siwa/verify';
import type { AtSignResolver, SignInResponse, VerifiedSignIn, VerifySignInOptions } from './siwa/types';

export interface NodeAtPlatformResolverOptions extends Omit<AtPlatformResolverOptions, 'connect'> {
  /** How to open a connection; default TLS (ALPN atProtocol/1.0), certificates always verified. */
  connect?: AtPlatformResolverOptions['connect'];
  /** Certificate authorities (PEM) to trust instead of Node's usual ones: a private or test atPlatform's. */
  ca?: string | string[];
}

/** A resolver for `verifySignIn`'s `resolver` option, over TLS unless `connect` says otherwise. */
export function createAtPlatformResolver(options: NodeAtPlatformResolverOptions = {}): AtSignResolver {
  const { ca, connect, ...rest } = options;
  // Made on first use, so the resolver's own checks of the options come first (a TypeError for the site).
  let tls: AtConnector | undefined;
  const overTls: AtConnector = (address) => (tls ??= tlsConnector({ ca, timeoutMs: rest.timeoutMs }))(address);
  return createResolver({ ...rest, connect: connect ?? overTls });
}

/** Enough for any site's few roots; past it the oldest is dropped with its cache. */
const MAX_RESOLVERS = 16;
const resolvers = new Map<string, AtSignResolver>();

function defaultResolver({ root = DEFAULT_ROOT, ca }: VerifySignInOptions): AtSignResolver {
  const key = JSON.stringify([root, ca ?? null]);
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = createAtPlatformResolver({ root, ca });
    resolvers.set(key, resolver);
    if (resolvers.size > MAX_RESOLVERS) resolvers.delete(resolvers.keys().next().value as string);
  }
  return resolver;
}

/**
 * Verifies a sign-in response and confirms it on the atPlatform: the root
 * (`options.root`, default root.atsign.org:64) finds the atSign's atServer,
 * which must publish the binding's encryption key and, when the wallet
 * published one, the key that signed. Refused with a SignInError otherwise —
 * ATSIGN_NOT_FOUND, ATSERVER_UNREACHABLE, KEY_MISMATCH or an offline check's
 * code — unless `allowSelfAsserted` says to skip the atPlatform.
 */
export function verifySignIn(response: SignInResponse, options: VerifySignInOptions): Promise<VerifiedSignIn> {
  return verifySignInWith(response, options, defaultResolver);
}
