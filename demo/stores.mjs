// The demo server's memory of the sessions it opened (the nonces it handed
// out are the SDK adapter's). A real site keeps these in its database; the
// rules are the same. Bounded, so a flood of sign-ins cannot grow it without limit.
import { randomBytes } from 'node:crypto';

export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** Drops entries of `map` from the oldest while it is over `max` or `drop(value)` says so. */
function trim(map, max, drop) {
  for (const [key, value] of map) {
    if (map.size <= max && !drop(value)) break;
    map.delete(key);
  }
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Sessions under random ids (256 bits), holding what the server decided at sign-in. */
export function createSessionStore({ ttlMs = SESSION_TTL_MS, max = 1_000, now = Date.now } = {}) {
  const sessions = new Map();
  return {
    ttlMs,
    create(data) {
      trim(sessions, max - 1, (session) => session.expiry <= now());
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { data, expiry: now() + ttlMs });
      return id;
    },
    get(id) {
      if (typeof id !== 'string' || !SESSION_ID.test(id)) return null;
      const session = sessions.get(id);
      if (!session) return null;
      if (session.expiry <= now()) {
        sessions.delete(id);
        return null;
      }
      return session.data;
    },
    delete(id) {
      if (typeof id === 'string') sessions.delete(id);
    },
  };
}
