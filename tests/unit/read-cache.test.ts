import { describe, expect, it } from 'vitest';
import { ReadCache } from '@/src/background/db/read-cache';

describe('the read cache in front of grants and personas', () => {
  it('serves a value it read, and reads again after a write', async () => {
    const cache = new ReadCache<string, string>();
    let stored = 'granted';
    let loads = 0;
    const load = async () => (loads++, stored);
    expect(await cache.read('k', load)).toBe('granted');
    expect(await cache.read('k', load)).toBe('granted');
    expect(loads).toBe(1);
    await cache.write(async () => void (stored = 'revoked'));
    expect(await cache.read('k', load)).toBe('revoked');
  });

  it('does not keep a read that overlapped a write', async () => {
    const cache = new ReadCache<string, string>();
    let stored: string | undefined = 'granted';
    let release!: () => void;
    const slowRead = cache.read('k', () => new Promise<string | undefined>((r) => (release = () => r('granted'))));
    await cache.write(async () => void (stored = undefined));
    release();
    expect(await slowRead).toBe('granted');
    // The stale answer was not kept: the next read sees the write.
    expect(await cache.read('k', async () => stored)).toBeUndefined();
  });
});
