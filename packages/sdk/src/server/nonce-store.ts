// Where a site's server keeps the nonces it issued, so each is accepted once
// and only while fresh. Kept on the server, never only in a cookie: a nonce
// the browser holds can be sent again with the answer it was used for.

/** A nonce store: in memory for one process, or your database / Redis for more. */
export interface NonceStore {
  /** Remembers a nonce just issued, until `expiresAt` (ms since the epoch). */
  add(nonce: string, expiresAt: number): void | Promise<void>;
  /**
   * True once for a nonce this store was given and that has not expired at
   * `now`; false for anything else. The nonce is spent whatever the answer:
   * delete it in the same step as you read it (Redis: GETDEL; SQL: DELETE …
   * RETURNING), so two requests cannot both take it.
   */
  take(nonce: string, now: number): boolean | Promise<boolean>;
}

export interface MemoryNonceStoreOptions {
  /** How many nonces may wait at once; past it the oldest are dropped (default 10,000). */
  max?: number;
}

/** Nonces in this process's memory: for a site served by one process. */
export function createMemoryNonceStore({ max = 10_000 }: MemoryNonceStoreOptions = {}): NonceStore {
  if (!Number.isInteger(max) || max < 1) throw new TypeError('max must be a whole number of nonces, at least 1.');
  const expiries = new Map<string, number>();
  return {
    add(nonce, expiresAt) {
      // Insertion order is issue order: the oldest go first when the store is full.
      for (const key of expiries.keys()) {
        if (expiries.size < max) break;
        expiries.delete(key);
      }
      expiries.set(nonce, expiresAt);
    },
    take(nonce, now) {
      const expiresAt = expiries.get(nonce);
      expiries.delete(nonce);
      return expiresAt !== undefined && expiresAt > now;
    },
  };
}
