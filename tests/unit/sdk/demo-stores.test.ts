// The demo server's nonces and sessions, on a clock the test moves: what a
// site relying on them would see when a person is slow, or comes back late.
import { describe, expect, it } from 'vitest';
import { createNonceStore, createSessionStore, NONCE_TTL_MS, SESSION_TTL_MS } from '../../../demo/server.mjs';

function clock(start = Date.UTC(2026, 10, 25, 12)) {
  const c = { at: start, now: () => c.at };
  return c;
}

describe('the demo server’s nonces', () => {
  it('are taken once, within five minutes of being issued, and never after', () => {
    const time = clock();
    const nonces = createNonceStore({ now: time.now });
    expect(NONCE_TTL_MS).toBe(5 * 60_000);
    nonces.add('in-time');
    nonces.add('too-late');
    time.at += NONCE_TTL_MS - 1;
    expect(nonces.take('in-time')).toBe(true);
    expect(nonces.take('in-time')).toBe(false);
    time.at += 1;
    expect(nonces.take('too-late')).toBe(false);
    expect(nonces.take('never-issued')).toBe(false);
  });

  it('stay bounded under a flood, dropping the oldest first', () => {
    const time = clock();
    const nonces = createNonceStore({ now: time.now, max: 3 });
    for (const nonce of ['a', 'b', 'c', 'd']) nonces.add(nonce);
    expect(nonces.take('a')).toBe(false);
    expect(['b', 'c', 'd'].map((n) => nonces.take(n))).toEqual([true, true, true]);
  });
});

describe('the demo server’s sessions', () => {
  it('hold what was decided at sign-in until they run out, then nothing', () => {
    const time = clock();
    const sessions = createSessionStore<{ atSign: string }>({ now: time.now });
    const id = sessions.create({ atSign: '@alice🛠' });
    time.at += SESSION_TTL_MS - 1;
    expect(sessions.get(id)).toEqual({ atSign: '@alice🛠' });
    time.at += 1;
    expect(sessions.get(id)).toBeNull();
  });

  it('know nothing of a made-up or malformed id, and forget a deleted one', () => {
    const sessions = createSessionStore<string>();
    const id = sessions.create('data');
    expect(sessions.get('A'.repeat(43))).toBeNull();
    expect(sessions.get('not an id')).toBeNull();
    expect(sessions.get(undefined as unknown as string)).toBeNull();
    sessions.delete(id);
    expect(sessions.get(id)).toBeNull();
  });
});
