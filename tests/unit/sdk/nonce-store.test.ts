// The SDK's in-memory nonce store: each nonce is taken once, only before it
// expires, and the store stays bounded under a flood.
import { describe, expect, it } from 'vitest';
import { createMemoryNonceStore } from '@/packages/sdk/src/node';

const T0 = Date.UTC(2026, 10, 25, 12);

describe('createMemoryNonceStore', () => {
  it('takes a nonce once, before it expires, and never one it was not given', () => {
    const nonces = createMemoryNonceStore();
    nonces.add('inTime', T0 + 1000);
    nonces.add('tooLate', T0 + 1000);
    expect(nonces.take('inTime', T0 + 999)).toBe(true);
    expect(nonces.take('inTime', T0 + 999)).toBe(false);
    expect(nonces.take('tooLate', T0 + 1000)).toBe(false);
    // Spent by the failed take too: it does not come back.
    expect(nonces.take('tooLate', T0)).toBe(false);
    expect(nonces.take('neverIssued', T0)).toBe(false);
  });

  it('stays bounded under a flood, dropping the oldest first', () => {
    const nonces = createMemoryNonceStore({ max: 3 });
    for (const nonce of ['a', 'b', 'c', 'd']) nonces.add(nonce, T0 + 1000);
    expect(nonces.take('a', T0)).toBe(false);
    expect(['b', 'c', 'd'].map((n) => nonces.take(n, T0))).toEqual([true, true, true]);
    expect(() => createMemoryNonceStore({ max: 0 })).toThrow(TypeError);
  });
});
