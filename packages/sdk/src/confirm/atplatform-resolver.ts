// The SDK's own resolver: asks the atPlatform what an atSign publishes, the
// way any atPlatform client would — the root directory for the atSign's
// atServer, then that atServer, unauthenticated, for the atSign's public
// encryption key and the wallet's published signing key with its
// metadata. Transport-agnostic: the Node build gives it TLS.
import { findAtServer, parseAddress, type AtConnector } from '../../../../src/atplatform';
import { SignInError, SignInErrorCode } from '../siwa/errors';
import { parseSigningAtKey, signingKeyAtKey } from '../../../../src/keys';
import type { AtSignResolver, PublishedAtSignKeys, ResolverQuestion } from '../siwa/types';
import { LookupCache } from './lookup-cache';
import { readPublishedKeys } from './published-keys';

export const DEFAULT_ROOT = 'root.atsign.org:64';

export interface AtPlatformResolverOptions {
  /** Opens a connection to "host:port" (TLS in Node). */
  connect: AtConnector;
  /** The root directory, "host:port". Default: the atPlatform's, root.atsign.org:64. */
  root?: string;
  /** Longest wait for any one step (connecting, each answer). Default 5 s. */
  timeoutMs?: number;
  /** How long what an atSign publishes is reused. Default 5 minutes. */
  cacheTtlMs?: number;
  /** How many atSigns' keys are kept. Default 1,000. */
  cacheSize?: number;
  /** atSigns looked up at once. Default 8; more wait, and past 256 waiting a lookup is refused. */
  maxConcurrent?: number;
}

/**
 * A resolver for verifySignIn's `resolver` option. Keep one per process and
 * reuse it: its cache and its one-lookup-per-atSign rule live in it.
 */
export function createAtPlatformResolver(options: AtPlatformResolverOptions): AtSignResolver {
  const { connect, root = DEFAULT_ROOT, timeoutMs = 5_000, cacheTtlMs = 5 * 60_000, cacheSize = 1_000, maxConcurrent = 8 } = options;
  if (typeof connect !== 'function') throw new TypeError('createAtPlatformResolver needs options.connect.');
  try {
    parseAddress(root);
  } catch {
    throw new TypeError(`options.root must be the root directory as "host:port", e.g. "${DEFAULT_ROOT}".`);
  }
  for (const [name, value, least] of [['timeoutMs', timeoutMs, 1], ['cacheTtlMs', cacheTtlMs, 0], ['cacheSize', cacheSize, 0], ['maxConcurrent', maxConcurrent, 1]] as const) {
    if (!Number.isInteger(value) || value < least) throw new TypeError(`options.${name} must be a whole number ≥ ${least}.`);
  }
  const cache = new LookupCache<PublishedAtSignKeys | null>({ ttlMs: cacheTtlMs, maxEntries: cacheSize, maxConcurrent, maxWaiting: 256 });

  async function lookUp(atSign: string, signingAtKey: string): Promise<PublishedAtSignKeys | null> {
    const address = await findAtServer(root, atSign, { connect, timeoutMs });
    if (address === null) return null;
    const published = await readPublishedKeys(address, atSign, { connect, timeoutMs, signingAtKey });
    if (published === null) {
      throw new SignInError(
        SignInErrorCode.ATSIGN_NOT_FOUND,
        `The atServer of ${atSign} publishes no encryption public key: the atSign is not activated.`,
      );
    }
    return published;
  }

  /** The signing key asked about: the one the question names for this atSign, else the first wallets' name. */
  const signingAtKeyOf = (atSign: string, question?: ResolverQuestion): string =>
    question && parseSigningAtKey(question.signingAtKey)?.atSign === atSign ? question.signingAtKey : signingKeyAtKey(atSign);

  // Only what an atServer confirmed is kept: "not found" is asked again next time.
  return (atSign, question) => {
    const signingAtKey = signingAtKeyOf(atSign, question);
    const key = `${atSign} ${signingAtKey}`;
    if (question?.fresh === true) cache.forget(key);
    return cache.get(key, () => lookUp(atSign, signingAtKey), (published) => published !== null);
  };
}
