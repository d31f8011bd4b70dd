// Bounds on what a flood of sign-ins can cost the atPlatform and the site:
// answers kept for a while (a small, bounded cache), one lookup per atSign in
// flight however many sign-ins wait on it, and only so many lookups at once.

export interface LookupCacheOptions {
  /** How long an answer is reused. */
  ttlMs: number;
  /** How many answers are kept; the oldest goes first. */
  maxEntries: number;
  /** Lookups running at once; more wait their turn. */
  maxConcurrent: number;
  /** Lookups allowed to wait; past that a lookup is refused at once. */
  maxWaiting: number;
  now?: () => number;
}

export class LookupBusyError extends Error {
  constructor() {
    super('Too many atPlatform lookups are waiting; try again shortly.');
    this.name = 'LookupBusyError';
  }
}

export class LookupCache<V> {
  readonly #kept = new Map<string, { value: V; until: number }>();
  readonly #inFlight = new Map<string, Promise<V>>();
  readonly #queue: Array<() => void> = [];
  #running = 0;
  readonly #options: Required<LookupCacheOptions>;

  constructor(options: LookupCacheOptions) {
    this.#options = { now: Date.now, ...options };
  }

  /** The kept answer for `key`, or the one lookup for it (shared by every caller until it settles). */
  get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const kept = this.#kept.get(key);
    if (kept && kept.until > this.#options.now()) return Promise.resolve(kept.value);
    if (kept) this.#kept.delete(key);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const lookup = this.#limited(load).then((value) => {
      if (keep(value)) this.#keep(key, value);
      return value;
    });
    const settled = () => this.#inFlight.delete(key);
    lookup.then(settled, settled);
    this.#inFlight.set(key, lookup);
    return lookup;
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

  #keep(key: string, value: V): void {
    this.#kept.delete(key);
    this.#kept.set(key, { value, until: this.#options.now() + this.#options.ttlMs });
    while (this.#kept.size > this.#options.maxEntries) {
      const oldest = this.#kept.keys().next().value as string;
      this.#kept.delete(oldest);
    }
  }

  async #limited(load: () => Promise<V>): Promise<V> {
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
