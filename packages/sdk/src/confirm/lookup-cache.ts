// Bounds on what a flood of sign-ins can cost the atPlatform and the site:
// answers kept for a while (a small, bounded cache), one lookup per key in
// flight however many sign-ins wait on it, only so many lookups at once (a
// limit several caches can share), and only so many of them for one group
// (one atSign), so that an atServer answering slowly holds few of the slots.

export interface LookupLimiterOptions {
  /** Lookups running at once; more wait their turn. */
  maxConcurrent: number;
  /** Lookups allowed to wait; past that a lookup is refused at once. */
  maxWaiting: number;
  /** Lookups of one group, running or waiting; past that one is refused at once. Default: no limit. */
  maxPerGroup?: number;
}

export type LookupCacheOptions = {
  /** How long an answer is reused (unless `keep` says otherwise for it). */
  ttlMs: number;
  /** How many answers are kept; the oldest goes first. */
  maxEntries: number;
  now?: () => number;
} & (LookupLimiterOptions | { /** Shared with other caches: their lookups count together. */ limiter: LookupLimiter });

export class LookupBusyError extends Error {
  constructor(message = 'Too many atPlatform lookups are waiting; try again shortly.') {
    super(message);
    this.name = 'LookupBusyError';
  }
}

/**
 * At most `maxConcurrent` lookups at once, `maxWaiting` in line, first come
 * first served; and at most `maxPerGroup` of one group, running or waiting.
 */
export class LookupLimiter {
  readonly #queue: Array<() => void> = [];
  #running = 0;
  readonly #perGroup = new Map<string, number>();
  readonly #options: Required<LookupLimiterOptions>;

  constructor(options: LookupLimiterOptions) {
    this.#options = { maxPerGroup: Infinity, ...options };
  }

  /** Runs `load` when a slot is free; `group` (e.g. an atSign) counts it against that group's limit too. */
  async run<T>(load: () => Promise<T>, group?: string): Promise<T> {
    if (group === undefined) return this.#inTurn(load);
    const count = this.#perGroup.get(group) ?? 0;
    if (count >= this.#options.maxPerGroup) throw new LookupBusyError(`Too many atPlatform lookups for ${group} are under way; try again shortly.`);
    this.#perGroup.set(group, count + 1);
    try {
      return await this.#inTurn(load);
    } finally {
      const left = this.#perGroup.get(group)! - 1;
      if (left > 0) this.#perGroup.set(group, left);
      else this.#perGroup.delete(group);
    }
  }

  async #inTurn<T>(load: () => Promise<T>): Promise<T> {
    if (this.#running < this.#options.maxConcurrent) this.#running += 1;
    else {
      if (this.#queue.length >= this.#options.maxWaiting) throw new LookupBusyError();
      // A finishing lookup hands its slot straight to the first waiter, so none is taken twice.
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    try {
      return await load();
    } finally {
      const next = this.#queue.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }
}

export class LookupCache<V> {
  readonly #kept = new Map<string, { value: V; at: number; until: number }>();
  readonly #inFlight = new Map<string, Promise<V>>();
  readonly #limiter: LookupLimiter;
  readonly #options: { ttlMs: number; maxEntries: number; now: () => number };

  constructor(options: LookupCacheOptions) {
    this.#options = { ttlMs: options.ttlMs, maxEntries: options.maxEntries, now: options.now ?? Date.now };
    this.#limiter = 'limiter' in options ? options.limiter : new LookupLimiter(options);
  }

  /**
   * The kept answer for `key`, or the one lookup for it (shared by every
   * caller until it settles). `keep` says whether to keep the answer: true
   * for the cache's TTL, a number for that many milliseconds, false or 0 not.
   * `group` is what the limiter counts the lookup under besides the whole
   * (default: the key).
   */
  get(key: string, load: () => Promise<V>, keep: (value: V) => boolean | number = () => true, group: string = key): Promise<V> {
    const kept = this.#fresh(key);
    if (kept) return Promise.resolve(kept.value);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const lookup = this.#limiter.run(load, group).then((value) => {
      const ms = keep(value);
      if (ms === true) this.set(key, value);
      else if (typeof ms === 'number' && ms > 0) this.set(key, value, ms);
      return value;
    });
    const settled = () => this.#inFlight.delete(key);
    lookup.then(settled, settled);
    this.#inFlight.set(key, lookup);
    return lookup;
  }

  /** Keeps `value` for `key` for `ttlMs` (default: the cache's TTL), as if a lookup had just answered it. */
  set(key: string, value: V, ttlMs: number = this.#options.ttlMs): void {
    const now = this.#options.now();
    this.#kept.delete(key);
    this.#kept.set(key, { value, at: now, until: now + ttlMs });
    while (this.#kept.size > this.#options.maxEntries) {
      const oldest = this.#kept.keys().next().value as string;
      this.#kept.delete(oldest);
    }
  }

  /** How long ago the answer kept for `key` was looked up, in ms; undefined when none is kept. */
  age(key: string): number | undefined {
    const kept = this.#fresh(key);
    return kept ? this.#options.now() - kept.at : undefined;
  }

  /** Forgets the kept answer for `key`: the next get looks it up (or joins a lookup under way). */
  forget(key: string): void {
    this.#kept.delete(key);
  }

  /** Forgets every kept answer. */
  clear(): void {
    this.#kept.clear();
  }

  get size(): number {
    return this.#kept.size;
  }

  /** The kept entry for `key` while it is still good; an expired one is dropped. */
  #fresh(key: string): { value: V; at: number; until: number } | undefined {
    const kept = this.#kept.get(key);
    if (kept && kept.until > this.#options.now()) return kept;
    if (kept) this.#kept.delete(key);
    return undefined;
  }
}
