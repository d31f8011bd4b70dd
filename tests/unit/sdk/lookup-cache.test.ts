// The bounds on what sign-ins can cost the atPlatform: answers kept for a
// while and no longer, one lookup per atSign however many wait on it, and
// only so many lookups at once.
import { describe, expect, it } from 'vitest';
import { LookupBusyError, LookupCache, LookupLimiter } from '@/packages/sdk/src/confirm/lookup-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function clockAt(start: number) {
  const clock = { time: start, now: () => clock.time };
  return clock;
}

describe('LookupCache', () => {
  it('reuses an answer until it is older than the TTL, then asks again', async () => {
    const clock = clockAt(1_000);
    const cache = new LookupCache<string>({ ttlMs: 60_000, maxEntries: 10, maxConcurrent: 2, maxWaiting: 10, now: clock.now });
    let asked = 0;
    const load = async () => `answer ${++asked}`;
    expect(await cache.get('@alice', load)).toBe('answer 1');
    clock.time += 59_999;
    expect(await cache.get('@alice', load)).toBe('answer 1');
    clock.time += 1;
    expect(await cache.get('@alice', load)).toBe('answer 2');
    expect(asked).toBe(2);
  });

  it('keeps only what `keep` allows, and nothing when the lookup fails', async () => {
    const cache = new LookupCache<string | null>({ ttlMs: 60_000, maxEntries: 10, maxConcurrent: 2, maxWaiting: 10 });
    let asked = 0;
    const notFound = async () => {
      asked += 1;
      return null;
    };
    await cache.get('@nobody', notFound, (v) => v !== null);
    await cache.get('@nobody', notFound, (v) => v !== null);
    expect(asked).toBe(2);
    await expect(cache.get('@down', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await cache.get('@down', async () => 'up again')).toBe('up again');
    expect(cache.size).toBe(1);
  });

  it('runs one lookup for many callers of the same key, and shares its failure', async () => {
    const cache = new LookupCache<string>({ ttlMs: 60_000, maxEntries: 10, maxConcurrent: 2, maxWaiting: 10 });
    const gate = deferred<string>();
    let asked = 0;
    const load = () => {
      asked += 1;
      return gate.promise;
    };
    const waiting = Array.from({ length: 50 }, () => cache.get('@alice', load));
    gate.reject(new Error('timed out'));
    const results = await Promise.allSettled(waiting);
    expect(asked).toBe(1);
    expect(results.every((r) => r.status === 'rejected' && (r.reason as Error).message === 'timed out')).toBe(true);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const cache = new LookupCache<string>({ ttlMs: 60_000, maxEntries: 3, maxConcurrent: 2, maxWaiting: 10 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, async () => key);
    expect(cache.size).toBe(3);
    let asked = 0;
    await cache.get('a', async () => `${++asked}`);
    await cache.get('d', async () => `${++asked}`);
    expect(asked).toBe(1);
  });

  it('runs at most maxConcurrent lookups, hands each finished slot to the next, and refuses past maxWaiting', async () => {
    const cache = new LookupCache<string>({ ttlMs: 60_000, maxEntries: 100, maxConcurrent: 2, maxWaiting: 3 });
    const gates = new Map<string, ReturnType<typeof deferred<string>>>();
    let running = 0;
    let most = 0;
    const load = (key: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      const gate = deferred<string>();
      gates.set(key, gate);
      try {
        return await gate.promise;
      } finally {
        running -= 1;
      }
    };
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const lookups = keys.map((key) => cache.get(key, load(key)));
    await expect(cache.get('f', load('f'))).rejects.toBeInstanceOf(LookupBusyError);
    await settle();
    expect([...gates.keys()]).toEqual(['a', 'b']);
    gates.get('a')!.resolve('A');
    await settle();
    // A newcomer cannot jump the queue into the freed slot.
    const late = cache.get('g', load('g'));
    await settle();
    expect([...gates.keys()]).toEqual(['a', 'b', 'c']);
    for (const key of ['b', 'c', 'd', 'e', 'g']) {
      await settle();
      gates.get(key)!.resolve(key.toUpperCase());
    }
    expect(await Promise.all([...lookups, late])).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
    expect(most).toBe(2);
  });

  it('keeps an answer as long as `keep` says (true: the TTL, a number: that long, 0: not at all), and tells its age', async () => {
    const clock = clockAt(1_000);
    const cache = new LookupCache<string | null>({ ttlMs: 60_000, maxEntries: 10, maxConcurrent: 2, maxWaiting: 10, now: clock.now });
    let asked = 0;
    const load = (value: string | null) => async () => {
      asked += 1;
      return value;
    };
    const keep = (value: string | null) => (value === null ? 5_000 : true);
    await cache.get('@nobody', load(null), keep);
    clock.time += 4_999;
    expect(cache.age('@nobody')).toBe(4_999);
    await cache.get('@nobody', load(null), keep);
    expect(asked).toBe(1);
    clock.time += 1;
    expect(cache.age('@nobody')).toBeUndefined();
    await cache.get('@nobody', load(null), keep);
    expect(asked).toBe(2);
    await cache.get('@zero', load('x'), () => 0);
    expect(cache.age('@zero')).toBeUndefined();
    cache.set('@alice', 'kept', 10);
    expect(await cache.get('@alice', load('looked up'))).toBe('kept');
    clock.time += 10;
    expect(await cache.get('@alice', load('looked up'))).toBe('looked up');
    expect(cache.age('@alice')).toBe(0);
  });

  it('shares one limit among caches given the same limiter', async () => {
    const limiter = new LookupLimiter({ maxConcurrent: 1, maxWaiting: 1 });
    const first = new LookupCache<string>({ ttlMs: 60_000, maxEntries: 10, limiter });
    const second = new LookupCache<number>({ ttlMs: 60_000, maxEntries: 10, limiter });
    const gate = deferred<string>();
    let started = 0;
    const a = first.get('a', () => {
      started += 1;
      return gate.promise;
    });
    const b = second.get('b', async () => {
      started += 1;
      return 2;
    });
    await expect(second.get('c', async () => 3)).rejects.toBeInstanceOf(LookupBusyError);
    await settle();
    expect(started).toBe(1);
    gate.resolve('A');
    expect(await Promise.all([a, b])).toEqual(['A', 2]);
    expect(started).toBe(2);
  });

  it('refuses at once a lookup past its group’s limit, running or waiting, and lets other groups by', async () => {
    const limiter = new LookupLimiter({ maxConcurrent: 3, maxWaiting: 10, maxPerGroup: 2 });
    const cache = new LookupCache<string>({ ttlMs: 60_000, maxEntries: 10, limiter });
    const slow = deferred<string>();
    const started: string[] = [];
    const load = (name: string, answer: Promise<string> = Promise.resolve(name)) => () => {
      started.push(name);
      return answer;
    };
    const one = cache.get('@slow 1', load('slow 1', slow.promise), undefined, '@slow');
    const two = cache.get('@slow 2', load('slow 2', slow.promise), undefined, '@slow');
    await expect(cache.get('@slow 3', load('slow 3'), undefined, '@slow')).rejects.toThrow(/for @slow are under way/);
    // Another group still gets the third slot while both of @slow's wait.
    await expect(cache.get('@other', load('other'))).resolves.toBe('other');
    slow.resolve('late');
    expect(await Promise.all([one, two])).toEqual(['late', 'late']);
    // Its lookups done, the group may look up again.
    await expect(cache.get('@slow 4', load('slow 4'), undefined, '@slow')).resolves.toBe('slow 4');
    expect(started).toEqual(['slow 1', 'slow 2', 'other', 'slow 4']);
  });

  it('counts a lookup refused for want of room in line against nothing', async () => {
    const limiter = new LookupLimiter({ maxConcurrent: 1, maxWaiting: 0, maxPerGroup: 1 });
    const gate = deferred<void>();
    const running = limiter.run(() => gate.promise, '@a');
    await expect(limiter.run(async () => 'b', '@b')).rejects.toBeInstanceOf(LookupBusyError);
    gate.resolve();
    await running;
    // @b's refusal left nothing counted for @b.
    await expect(limiter.run(async () => 'b', '@b')).resolves.toBe('b');
  });
});
