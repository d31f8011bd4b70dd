// The demo server's memory: the nonces it handed out and the sessions it
// opened. A real site keeps these in its database; the rules are the same.
// Both are bounded, so a flood of requests cannot grow them without limit.
import { randomBytes } from 'node:crypto';

export const NONCE_TTL_MS = 5 * 60_000;
export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** Drops entries of `map` from the oldest while it is over `max` or `drop(value)` says so. */
function trim(map, max, drop) {
  for (const [key, value] of map) {
    if (map.size <= max && !drop(value)) break;
    map.delete(key);
  }
}

/** Nonces are accepted once, within `ttlMs` of being issued. */
export function createNonceStore({ ttlMs = NONCE_TTL_MS, max = 10_000, now = Date.now } = {}) {
  const expiries = new Map();
  return {
    /** Remembers a nonce just issued. */
    add(nonce) {
      // Every nonce lives as long as the next, so the expired ones are all at the front.
      trim(expiries, max - 1, (expiry) => expiry <= now());
      expiries.set(nonce, now() + ttlMs);
    },
    /** True if this server issued `nonce`, it has not expired and was not taken before; it is gone after. */
    take(nonce) {
      const expiry = expiries.get(nonce);
      expiries.delete(nonce);
      return expiry !== undefined && expiry > now();
    },
  };
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
