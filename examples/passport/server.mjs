// "Sign in with atSign" with Passport's AtSignStrategy on Express: a nonce
// route, a verify route through passport.authenticate('atsign'), and a
// session the site keeps in an HttpOnly cookie. Passport's own sessions need
// express-session; this keeps its own instead (`session: false`).
// `node examples/passport/server.mjs` serves it on http://localhost:3000;
// examples/README.md says more.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import express from 'express';
import passport from 'passport';
import { AtSignStrategy, createMemoryNonceStore } from '@atsign-wallet/sdk';

/** The session id in the request's `session` cookie. */
function sessionId(req) {
  return /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
}

/**
 * The site at `origin` (exactly as browsers send it). `atPlatform`
 * ({ root: 'host:port', ca: PEM }) is where sign-ins are confirmed; without
 * it, the real atPlatform. `users` (atSign → user) stands in for your
 * database; `nonces`, `sessions` and `now` are for tests.
 */
export function createApp({ origin, atPlatform, users = new Map(), nonces = createMemoryNonceStore(), sessions = new Map(), now }) {
  // This app's own Passport (the default `passport` works the same), so each app made here keeps its strategy.
  const auth = new passport.Passport();
  const app = express();

  const atSign = new AtSignStrategy({ origin, nonces, verify: atPlatform, now }, (signIn, done) => {
    // signIn.atSign is confirmed on the atPlatform; signIn.profile is as the wallet signed it.
    // Find or make the person's user by atSign; done(null, false) keeps them out.
    let user = users.get(signIn.atSign);
    if (!user) {
      user = { id: users.size + 1, atSign: signIn.atSign, name: signIn.profile.name ?? null };
      users.set(signIn.atSign, user);
    }
    done(null, user);
  });
  auth.use(atSign);

  app.get('/api/nonce', atSign.nonce);
  app.post('/api/verify', express.json({ limit: '300kb' }), (req, res, next) => {
    auth.authenticate('atsign', { session: false }, (error, user, info, status) => {
      if (error) return next(error);
      // { error: code } is what <atsign-signin-button> reads.
      if (!user) return res.status(status ?? 401).json({ error: info?.code, message: info?.message });
      // A fresh id at each sign-in: one set before signing in never becomes a session.
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, user.atSign);
      res.cookie('session', id, { httpOnly: true, sameSite: 'strict', secure: origin.startsWith('https:') });
      res.json({ atSign: user.atSign, name: user.name });
    })(req, res, next);
  });

  app.get('/api/me', (req, res) => {
    const user = users.get(sessions.get(sessionId(req)));
    if (!user) return res.status(401).json({ error: 'NOT_SIGNED_IN', message: 'Sign in first.' });
    res.json(user);
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
    console.log(`Passport example on ${origin}: GET /api/nonce, POST /api/verify, GET /api/me`);
    console.log(`Sign-ins are confirmed on the atPlatform at ${atPlatform?.root ?? 'root.atsign.org:64'}.`);
  });
}
