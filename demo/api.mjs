// The demo site's own back end: what a site's server does for "Sign in with
// atSign". It hands out single-use nonces, checks the wallet's answer with the
// SDK's verifySignIn for its own domain — which confirms the atSign on the
// atPlatform (the root and atServer in `atPlatform`, or the real ones) — and
// keeps a session in an HttpOnly cookie. Every POST must come from the site's own origin and carry JSON.
// It imports the SDK by the package's name, as a site's server would.
import { createNonce, parseSignInMessage, SignInError, verifySignIn } from 'atsign-wallet/sdk';
import { createNonceStore, createSessionStore } from './stores.mjs';

export const SESSION_COOKIE = 'demo_session';
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

class HttpError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

function readBody(req) {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new HttpError(413, 'TOO_LARGE', 'The body is too large.'));
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the 413 can still be sent.
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'TOO_LARGE', 'The body is too large.'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req) {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'NOT_JSON', 'Send application/json.');
  }
  try {
    return JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'BAD_JSON', 'The body is not JSON.');
  }
}

function cookieValue(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The /api/* routes for a server at `origin` (e.g. "http://127.0.0.1:5173").
 * `atPlatform` ({ root: 'host:port', ca?: PEM }) says where sign-ins are
 * confirmed; without it, the real atPlatform (root.atsign.org:64).
 * Returns `handle(req, res, pathname)`.
 */
export function createDemoApi({ origin, atPlatform = {}, nonces = createNonceStore(), sessions = createSessionStore(), headers = {} }) {
  const { host: domain, protocol } = new URL(origin);
  const scheme = protocol === 'http:' ? 'http' : 'https';
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

  async function verify(req, res) {
    const body = await readJson(req);
    if (typeof body !== 'object' || body === null || typeof body.response !== 'object' || body.response === null) {
      throw new HttpError(400, 'BAD_REQUEST', 'Send { response }.');
    }
    try {
      // The nonce is inside the signed text: read it, then spend it, whatever comes next.
      const { nonce } = parseSignInMessage(body.response.message);
      if (!nonces.take(nonce)) {
        throw new HttpError(401, 'NONCE_MISMATCH', 'This nonce was not issued here, has expired, or was used already.');
      }
      // The profile comes back only as the wallet signed it with this sign-in.
      const { atSign, keySource, signingKeyPublished, profile } = await verifySignIn(body.response, {
        domain,
        scheme,
        nonce,
        root: atPlatform.root,
        ca: atPlatform.ca,
      });
      // A new id at every sign-in: an id set before signing in never becomes a signed-in session.
      sessions.delete(cookieValue(req, SESSION_COOKIE));
      const id = sessions.create({ atSign, keySource, signingKeyPublished, profile });
      reply(res, 200, { atSign, keySource, signingKeyPublished, profile }, { 'Set-Cookie': sessionCookie(id, Math.floor(sessions.ttlMs / 1000)) });
    } catch (error) {
      if (error instanceof SignInError) throw new HttpError(401, error.code, error.message);
      throw error;
    }
  }

  const routes = {
    'GET /api/nonce': (_req, res) => {
      const nonce = createNonce();
      nonces.add(nonce);
      reply(res, 200, { nonce });
    },
    'POST /api/verify': verify,
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
        reply(res, error.status, { error: error.error, message: error.message }, error.status === 413 ? { Connection: 'close' } : {});
      } else {
        console.error('demo api:', error);
        reply(res, 500, { error: 'INTERNAL', message: 'Something went wrong.' });
      }
    }
  };
}
