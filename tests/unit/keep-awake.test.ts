// How Firefox's event page is kept awake while the wallet talks to atServers
// (src/background/keep-awake.ts): one API call per stretch of traffic, not
// one per message.
import { describe, expect, it, vi } from 'vitest';
import { keepAwake } from '@/src/background/keep-awake';

describe('keeping the background awake', () => {
  it('touches at once, then at most once per interval however much traffic there is', () => {
    const clock = { now: 1_000 };
    const touch = vi.fn(() => Promise.resolve());
    const traffic = keepAwake(touch, 10_000, () => clock.now);
    traffic();
    traffic();
    expect(touch).toHaveBeenCalledTimes(1);
    clock.now += 9_999;
    traffic();
    expect(touch).toHaveBeenCalledTimes(1);
    clock.now += 1;
    traffic();
    traffic();
    expect(touch).toHaveBeenCalledTimes(2);
  });

  it('lets a failed touch go: the traffic goes on', async () => {
    const clock = { now: 0 };
    const touch = vi.fn(() => Promise.reject(new Error('the background is stopping')));
    const traffic = keepAwake(touch, 10_000, () => clock.now);
    expect(() => traffic()).not.toThrow();
    clock.now += 10_000;
    traffic();
    await Promise.resolve();
    expect(touch).toHaveBeenCalledTimes(2);
  });
});
