// The demo server's sessions, on a clock the test moves: what a
// site relying on them would see when a person is slow, or comes back late.
import { describe, expect, it } from 'vitest';
import { createSessionStore, SESSION_TTL_MS } from '../../../demo/server.mjs';

function clock(start = Date.UTC(2026, 10, 25, 12)) {
  const c = { at: start, now: () => c.at };
  return c;
}

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
