// The demo site's own back end: what a site's server does for "Sign in with
// atSign", through the SDK's server adapter. The adapter hands out single-use
// nonces, checks each answer for this site's own domain — confirming the
// atSign on the atPlatform (the root and atServer in `atPlatform`, or the real
// ones) and the profile as the wallet signed it — and calls back here, where
// the demo keeps a session in an HttpOnly cookie. Every POST must come from
// the site's own origin and carry JSON. It imports the SDK by the package's
// name, as a site's server would.
import { atSignSignIn, createMemoryNonceStore } from '@atsign-wallet/sdk';
import { createSessionStore } from './stores.mjs';

export const SESSION_COOKIE = 'demo_session';
export const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

function cookieValue(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Runs a Connect-style handler as a promise: settled once it answered, or rejected with what it passed on. */
function run(handler, req, res) {
  return new Promise((resolve, reject) => {
    res.once('finish', resolve);
    handler(req, res, (error) => (error ? reject(error) : reject(new HttpError(404, 'NOT_FOUND', 'No such API route.'))));
  });
}

/**
 * The /api/* routes for a server at `origin` (e.g. "http://127.0.0.1:5173").
 * `atPlatform` ({ root: 'host:port', ca?: PEM }) says where sign-ins are
 * confirmed; without it, the real atPlatform (root.atsign.org:64).
 * Returns `handle(req, res, pathname)`.
 */
export function createDemoApi({ origin, atPlatform = {}, nonces = createMemoryNonceStore(), sessions = createSessionStore(), headers = {} }) {
  const sessionCookie = (id, maxAgeS) => `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeS}`;

  function reply(res, status, body, extra = {}) {
    const json = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', ...extra });
    res.end(json);
  }

  function sessionOf(req) {
    const id = cookieValue(req, SESSION_COOKIE);
    const data = sessions.get(id);
    if (!data) throw new HttpError(401, 'NOT_SIGNED_IN', 'Sign in first.');
    return { id, data };
  }

  const signIn = atSignSignIn({
    origin,
    nonces,
    maxBodyBytes: MAX_BODY_BYTES,
    verify: { root: atPlatform.root, ca: atPlatform.ca },
    onSignIn({ atSign, keySource, signingKeyPublished, profile }, req, res) {
      // A new id at every sign-in: an id set before signing in never becomes a signed-in session.
      sessions.delete(cookieValue(req, SESSION_COOKIE));
      const id = sessions.create({ atSign, keySource, signingKeyPublished, profile });
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.setHeader('Set-Cookie', sessionCookie(id, Math.floor(sessions.ttlMs / 1000)));
      // The profile comes back only as the wallet signed it with this sign-in.
      return { atSign, keySource, signingKeyPublished, profile };
    },
  });

  const routes = {
    'GET /api/nonce': (req, res) => run(signIn.nonce, req, res),
    'POST /api/verify': (req, res) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      return run(signIn.verify, req, res);
    },
    'GET /api/me': (req, res) => {
      const { atSign, keySource, signingKeyPublished, profile } = sessionOf(req).data;
      reply(res, 200, { atSign, keySource, signingKeyPublished, profile });
    },
    'POST /api/signout': (req, res) => {
      sessions.delete(sessionOf(req).id);
      reply(res, 204, undefined, { 'Set-Cookie': sessionCookie('', 0) });
    },
  };

  return async function handle(req, res, pathname) {
    try {
      const route = routes[`${req.method} ${pathname}`];
      if (!route) {
        const known = Object.keys(routes).some((key) => key.endsWith(` ${pathname}`));
        throw known ? new HttpError(405, 'METHOD_NOT_ALLOWED', 'Not with this method.') : new HttpError(404, 'NOT_FOUND', 'No such API route.');
      }
      // Browsers send Origin with every POST; a missing or foreign one is not this site's page.
      if (req.method === 'POST' && req.headers.origin !== origin) {
        throw new HttpError(403, 'FORBIDDEN_ORIGIN', 'Only this site may post here.');
      }
      await route(req, res);
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof HttpError) {
        reply(res, error.status, { error: error.error, message: error.message });
      } else {
        console.error('demo api:', error);
        reply(res, 500, { error: 'INTERNAL', message: 'Something went wrong.' });
      }
    }
  };
}
