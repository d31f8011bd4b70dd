// "Sign in with atSign" with Better Auth: the atSign() plugin on Better
// Auth's memory adapter, served by node:http through Better Auth's Node
// handler. The plugin adds GET /api/auth/atsign/nonce and POST
// /api/auth/atsign/verify; Better Auth keeps the users and sessions.
// `node examples/better-auth/server.mjs` serves it on http://localhost:3000;
// examples/README.md says more.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import { atSign } from '@atsign-wallet/sdk/better-auth';

/**
 * The site at `origin` (exactly as browsers send it): Better Auth's `auth`,
 * and the node:http `handler` serving it. `atPlatform` ({ root: 'host:port',
 * ca: PEM }) is where sign-ins are confirmed; without it, the real
 * atPlatform. `db` holds the memory adapter's tables; `nonces` and `now` are
 * for tests.
 */
export function createApp({ origin, atPlatform, db = { user: [], session: [], account: [], verification: [] }, nonces, now }) {
  const auth = betterAuth({
    baseURL: origin,
    // Signs Better Auth's cookies. A random one will do here, as sessions in memory end with the process.
    secret: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString('base64url'),
    database: memoryAdapter(db), // your database here; run Better Auth's migration for the atSign column
    plugins: [atSign({ origin, verify: atPlatform, nonces, now })],
  });
  const authHandler = toNodeHandler(auth);

  function reply(res, status, body) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  async function route(req, res) {
    if (req.url?.startsWith('/api/auth/')) return authHandler(req, res);
    if (req.method === 'GET' && req.url === '/api/me') {
      const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
      if (!session) return reply(res, 401, { error: 'NOT_SIGNED_IN', message: 'Sign in first.' });
      const { id, atSign, name, email } = session.user;
      return reply(res, 200, { id, atSign, name, email });
    }
    reply(res, 404, { error: 'NOT_FOUND', message: 'No such route.' });
  }

  /** For http.createServer: what goes wrong is logged and answered 500. */
  function handler(req, res) {
    route(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) reply(res, 500, { error: 'INTERNAL', message: 'Something went wrong.' });
      else res.end();
    });
  }
  return { auth, handler };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
  // ATSIGN_ROOT (host:port) and ATSIGN_CA (a PEM file) name another atPlatform, e.g. `npm run atplatform`'s.
  const atPlatform = process.env.ATSIGN_ROOT
    ? { root: process.env.ATSIGN_ROOT, ca: process.env.ATSIGN_CA ? readFileSync(process.env.ATSIGN_CA, 'utf8') : undefined }
    : undefined;
  const { handler } = createApp({ origin, atPlatform });
  createServer(handler).listen(port, () => {
    console.log(`Better Auth example on ${origin}: GET /api/auth/atsign/nonce, POST /api/auth/atsign/verify, GET /api/me`);
    console.log(`Sign-ins are confirmed on the atPlatform at ${atPlatform?.root ?? 'root.atsign.org:64'}.`);
  });
}
