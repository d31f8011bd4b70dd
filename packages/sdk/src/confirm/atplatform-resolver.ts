// The SDK's own resolver: asks the atPlatform what an atSign publishes, the
// way any atPlatform client would — the root directory for the atSign's
// atServer, then that atServer, unauthenticated, for the atSign's public
// encryption key and the wallet's published signing key with its
// metadata. Transport-agnostic: the Node build gives it TLS.
import { AtClientError, findAtServer, parseAddress, type AtAddress, type AtConnector } from '../../../../src/atplatform';
import { SignInError, SignInErrorCode } from '../siwa/errors';
import { sameKey } from '../siwa/confirm';
import { parseSigningAtKey, signingKeyAtKey } from '../../../../src/keys';
import type { AtSignResolver, PublishedAtSignKeys, ResolverQuestion } from '../siwa/types';
import { LookupCache, LookupLimiter } from './lookup-cache';
import { readPublishedKeys } from './published-keys';

export const DEFAULT_ROOT = 'root.atsign.org:64';

/** Lookups of one atSign at once, running or waiting for a slot; more are refused (ATSERVER_UNREACHABLE). */
export const MAX_LOOKUPS_PER_ATSIGN = 2;

export interface AtPlatformResolverOptions {
  /** Opens a connection to "host:port" (TLS in Node). */
  connect: AtConnector;
  /** The root directory, "host:port". Default: the atPlatform's, root.atsign.org:64. */
  root?: string;
  /** Longest wait for any one step (connecting, each answer). Default 5 s. */
  timeoutMs?: number;
  /**
   * Longest wait for one whole answer, every step and any wait for a free
   * lookup slot included: past it the call rejects (ATSERVER_UNREACHABLE).
   * A lookup under way still finishes for whoever asks next. Default 15 s.
   */
  deadlineMs?: number;
  /** How long what an atSign publishes is reused. Default 5 minutes. */
  cacheTtlMs?: number;
  /** How long "not found" (the root does not know the atSign, or its atServer publishes no key) is reused; 0: not kept. Default 30 s. */
  notFoundTtlMs?: number;
  /** A `fresh` question does not re-fetch an answer younger than this. Default 10 s. */
  freshMinMs?: number;
  /** How many atSigns' answers are kept, and as many wallets' signing keys. Default 1,000. */
  cacheSize?: number;
  /** Lookups at once. Default 8; more wait, past 256 waiting a lookup is refused, and one atSign's take at most 2 places, running or waiting (MAX_LOOKUPS_PER_ATSIGN). */
  maxConcurrent?: number;
}

/** What the root and the atServer say about the atSign itself, whichever wallet signed. */
type AtSignAnswer =
  /** The root does not know it. */
  | { address: null }
  /** Its atServer, and the encryption key it publishes (null: none — the atSign is not activated). */
  | { address: AtAddress; encryptionPublicKey: string | null };

const notActivated = (atSign: string) =>
  new SignInError(SignInErrorCode.ATSIGN_NOT_FOUND, `The atServer of ${atSign} publishes no encryption public key: the atSign is not activated.`);

/**
 * A resolver for verifySignIn's `resolver` option. Keep one per process and
 * reuse it: its caches and its one-lookup-per-atSign rule live in it.
 */
export function createAtPlatformResolver(options: AtPlatformResolverOptions): AtSignResolver {
  const {
    connect,
    root = DEFAULT_ROOT,
    timeoutMs = 5_000,
    deadlineMs = 15_000,
    cacheTtlMs = 5 * 60_000,
    notFoundTtlMs = 30_000,
    freshMinMs = 10_000,
    cacheSize = 1_000,
    maxConcurrent = 8,
  } = options;
  if (typeof connect !== 'function') throw new TypeError('createAtPlatformResolver needs options.connect.');
  try {
    parseAddress(root);
  } catch {
    throw new TypeError(`options.root must be the root directory as "host:port", e.g. "${DEFAULT_ROOT}".`);
  }
  const bounds = [
    ['timeoutMs', timeoutMs, 1],
    ['deadlineMs', deadlineMs, 1],
    ['cacheTtlMs', cacheTtlMs, 0],
    ['notFoundTtlMs', notFoundTtlMs, 0],
    ['freshMinMs', freshMinMs, 0],
    ['cacheSize', cacheSize, 0],
    ['maxConcurrent', maxConcurrent, 1],
  ] as const;
  for (const [name, value, least] of bounds) {
    if (!Number.isInteger(value) || value < least) throw new TypeError(`options.${name} must be a whole number ≥ ${least}.`);
  }
  // Both caches draw on one limit: lookups at once count whichever they are.
  // One atSign's lookups, whichever wallet signed, take at most two of the
  // slots, running or waiting: an atServer that answers as slowly as it may
  // (each step just inside timeoutMs) cannot hold up other atSigns' sign-ins.
  const limiter = new LookupLimiter({ maxConcurrent, maxWaiting: 256, maxPerGroup: MAX_LOOKUPS_PER_ATSIGN });
  // Per atSign: its atServer and encryption key (or not found), so bindings
  // naming other keys for a known atSign cost no lookup.
  const atSigns = new LookupCache<AtSignAnswer>({ ttlMs: cacheTtlMs, maxEntries: cacheSize, limiter });
  // Per wallet: what its signing key's name holds, read with the encryption key on one connection.
  const signingKeys = new LookupCache<PublishedAtSignKeys>({ ttlMs: cacheTtlMs, maxEntries: cacheSize, limiter });
  // Found is kept for cacheTtlMs; not found only briefly, so a new atSign is soon known.
  const keepAtSign = (answer: AtSignAnswer) => (answer.address !== null && answer.encryptionPublicKey !== null ? cacheTtlMs : notFoundTtlMs);

  /** The signing key asked about: the one the question names for this atSign, else the first wallets' name. */
  const signingAtKeyOf = (atSign: string, question?: ResolverQuestion): string =>
    question && parseSigningAtKey(question.signingAtKey)?.atSign === atSign ? question.signingAtKey : signingKeyAtKey(atSign);

  /** The binding's encryption key, when the question names one. */
  const boundKeyOf = (question?: ResolverQuestion): string | undefined =>
    typeof question?.encryptionPublicKey === 'string' ? question.encryptionPublicKey : undefined;

  /** Forgets a kept answer for a `fresh` question, unless it is younger than freshMinMs. */
  function refresh<V>(cache: LookupCache<V>, key: string): void {
    const age = cache.age(key);
    if (age !== undefined && age >= freshMinMs) cache.forget(key);
  }

  async function answer(atSign: string, question?: ResolverQuestion): Promise<PublishedAtSignKeys | null> {
    const signingAtKey = signingAtKeyOf(atSign, question);
    const boundKey = boundKeyOf(question);
    const signingCacheKey = `${atSign} ${signingAtKey}`;
    if (question?.fresh === true) {
      refresh(atSigns, atSign);
      refresh(signingKeys, signingCacheKey);
    }
    // A caller whose lookup found the atSign read its signing key on the same connection.
    let readAlong: PublishedAtSignKeys | undefined;
    const site = await atSigns.get(
      atSign,
      async () => {
        const address = await findAtServer(root, atSign, { connect, timeoutMs });
        if (address === null) return { address: null };
        // The signing key is read only when the encryption key is the binding's: otherwise it is refused on that alone.
        const read = await readPublishedKeys(address, atSign, {
          connect,
          timeoutMs,
          signingAtKey: (published) => (boundKey === undefined || sameKey(published, boundKey) ? signingAtKey : null),
        });
        if (read === null) return { address, encryptionPublicKey: null };
        if (read.signingKey !== undefined) {
          readAlong = { encryptionPublicKey: read.encryptionPublicKey, signingKey: read.signingKey };
          if (cacheTtlMs > 0) signingKeys.set(signingCacheKey, readAlong);
        }
        return { address, encryptionPublicKey: read.encryptionPublicKey };
      },
      keepAtSign,
      atSign,
    );
    if (site.address === null) return null;
    if (site.encryptionPublicKey === null) throw notActivated(atSign);
    if (readAlong) return readAlong;
    if (boundKey !== undefined && !sameKey(site.encryptionPublicKey, boundKey)) {
      return { encryptionPublicKey: site.encryptionPublicKey, signingKey: null };
    }
    const { address } = site;
    return signingKeys.get(
      signingCacheKey,
      async () => {
        const published = await readPublishedKeys(address, atSign, { connect, timeoutMs, signingAtKey });
        if (published === null) {
          // Deactivated since the atSign's answer was kept: say so for the next ones too.
          if (notFoundTtlMs > 0) atSigns.set(atSign, { address, encryptionPublicKey: null }, notFoundTtlMs);
          throw notActivated(atSign);
        }
        return published;
      },
      undefined,
      atSign,
    );
  }

  return (atSign, question) =>
    new Promise<PublishedAtSignKeys | null>((resolve, reject) => {
      // Past the deadline this call gives up; the lookup it shares runs on, its answer kept for later callers.
      const timer = setTimeout(
        () => reject(new AtClientError('timeout', `The atPlatform did not answer about ${atSign} within ${deadlineMs} ms.`)),
        deadlineMs,
      );
      answer(atSign, question).then(resolve, reject).finally(() => clearTimeout(timer));
    });
}
