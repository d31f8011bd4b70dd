// "Sign in with atSign" on Express with atSignSignIn: a nonce route, a verify
// route, and a session the site keeps in an HttpOnly cookie once a sign-in
// is verified. `node examples/express/server.mjs` serves it on
// http://localhost:3000; examples/README.md says more.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { atSignSignIn, createMemoryNonceStore } from '@atsign-wallet/sdk';

/** The session id in the request's `session` cookie. */
function sessionId(req) {
  return /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
}

/**
 * The site at `origin` (exactly as browsers send it). `atPlatform`
 * ({ root: 'host:port', ca: PEM }) is where sign-ins are confirmed; without
 * it, the real atPlatform. `nonces`, `sessions` and `now` are for tests.
 */
export function createApp({ origin, atPlatform, nonces = createMemoryNonceStore(), sessions = new Map(), now }) {
  const app = express();

  const signIn = atSignSignIn({
    origin,
    nonces, // one process's memory; a NonceStore of your own for more servers
    verify: atPlatform,
    now,
    onSignIn(who, req, res) {
      // who.atSign is confirmed on the atPlatform; who.profile is as the wallet signed it.
      // A fresh id at each sign-in: one set before signing in never becomes a session.
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { atSign: who.atSign, keySource: who.keySource, profile: who.profile });
      const secure = origin.startsWith('https:') ? '; Secure' : '';
      res.setHeader('Set-Cookie', `session=${id}; HttpOnly; SameSite=Strict; Path=/${secure}`);
      return { atSign: who.atSign, name: who.profile.name ?? null };
    },
  });
  app.get('/api/nonce', signIn.nonce);
  app.post('/api/verify', signIn.verify); // reads the JSON body itself, or takes express.json()'s

  app.get('/api/me', (req, res) => {
    const session = sessions.get(sessionId(req));
    if (!session) return res.status(401).json({ error: 'NOT_SIGNED_IN', message: 'Sign in first.' });
    res.json(session);
  });
  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
  // ATSIGN_ROOT (host:port) and ATSIGN_CA (a PEM file) name another atPlatform, e.g. `npm run atplatform`'s.
  const atPlatform = process.env.ATSIGN_ROOT
    ? { root: process.env.ATSIGN_ROOT, ca: process.env.ATSIGN_CA ? readFileSync(process.env.ATSIGN_CA, 'utf8') : undefined }
    : undefined;
  createApp({ origin, atPlatform }).listen(port, (error) => {
    if (error) throw error;
    console.log(`Express example on ${origin}: GET /api/nonce, POST /api/verify, GET /api/me`);
    console.log(`Sign-ins are confirmed on the atPlatform at ${atPlatform?.root ?? 'root.atsign.org:64'}.`);
  });
}
