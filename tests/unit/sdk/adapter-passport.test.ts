// The Passport strategy as a site mounts it: examples/passport/server.mjs
// (AtSignStrategy on its own Passport, its nonce route, and
// passport.authenticate('atsign') on the verify route with a custom callback
// that answers { error } as the button reads it and starts a cookie session),
// in Express over HTTP; and Passport's plain form beside it. Sign-ins are
// signed for real (Alice's .atKeys, a bound wallet key, the profile signed as
// the wallet signs it) and confirmed on a local atPlatform; replay, another
// domain, a changed profile and an expired nonce are refused.
import path from 'node:path';
import express from 'express';
import passport from 'passport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse, VerifiedSignIn } from '@/packages/sdk/src';
import { AtSignStrategy, createMemoryNonceStore, DEFAULT_NONCE_TTL_MS } from '@/packages/sdk/src/node';
import { createApp, type User } from '../../../examples/passport/server.mjs';
import { cookieOf, expectDocsShow, newWallet, postJson, serving, signedAnswer, type SigningWallet } from './adapter-support';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';

const ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys');
const EXAMPLE = path.resolve(process.cwd(), 'examples/passport/server.mjs');
const PROFILE = { name: 'Alice', email: 'alice@example.com' };

let atPlatform: LocalAtPlatform;
let alice: SigningWallet;
let close: () => Promise<void>;
let origin = '';
let clock = Date.now();
const users = new Map<string, User>();
const sessions = new Map<string, string>();
const plainSignIns: VerifiedSignIn[] = [];

beforeAll(async () => {
  atPlatform = await startLocalAtPlatform({ atKeys: [ATKEYS] });
  alice = await newWallet(ATKEYS);

  const app = express();
  ({ origin, close } = await serving(app.listen(0, '127.0.0.1')));

  // The example as it runs, with the test's atPlatform and clock.
  const nonces = createMemoryNonceStore();
  const options = { origin, nonces, verify: { root: atPlatform.root, ca: atPlatform.ca }, now: () => clock };
  // The plain form, which the example does not use (Passport answers refusals
  // with no { error } for the button): the user on req.user. Same nonces.
  const plain = new AtSignStrategy(options, (signIn, done) => {
    plainSignIns.push(signIn);
    done(null, { atSign: signIn.atSign });
  });
  app.post('/plain/verify', express.json({ limit: '300kb' }), passport.authenticate(plain, { session: false }), (req, res) => {
    res.json({ atSign: (req.user as { atSign: string }).atSign });
  });
  app.use(createApp({ origin, atPlatform: { root: atPlatform.root, ca: atPlatform.ca }, users, nonces, sessions, now: () => clock }));
}, 30_000);
afterAll(async () => {
  await close?.();
  await atPlatform?.stop();
});

async function nonce(): Promise<string> {
  const answer = await fetch(`${origin}/api/nonce`);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  return ((await answer.json()) as { nonce: string }).nonce;
}

/** The wallet's answer for `forNonce`, written for `site` (this one unless told), with PROFILE signed along. */
const walletAnswer = (forNonce: string, site = origin): Promise<SignInResponse> =>
  signedAnswer(alice, { nonce: forNonce, site, now: clock, profile: PROFILE });

const post = (route: string, body: unknown, from = origin) => postJson(`${origin}${route}`, body, from);

describe('the Passport strategy (examples/passport/server.mjs)', () => {
  it('is the code docs/sdk.md shows: each line of its example is in the file, in order', () => {
    expectDocsShow('The server: Passport', EXAMPLE);
  });

  it('is a strategy Passport takes: named atsign, with authenticate', () => {
    const strategy = new AtSignStrategy({ origin: 'https://example.com' }, (_signIn, done) => done(null, false));
    expect(strategy.name).toBe('atsign');
    expect(typeof strategy.authenticate).toBe('function');
    expect(() => new AtSignStrategy({ origin: 'https://example.com/path' }, (_s, done) => done(null, false))).toThrow(TypeError);
  });

  it('signs in: the verify callback makes the user from the verified atSign and signed profile, and a session opens it', async () => {
    const answer = await post('/api/verify', { response: await walletAnswer(await nonce()) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ atSign: '@alice🛠', name: 'Alice' });
    expect(answer.headers.get('set-cookie')).toMatch(/^session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await fetch(`${origin}/api/me`, { headers: { cookie: cookieOf(answer) } });
    expect(await me.json()).toEqual({ id: 1, atSign: '@alice🛠', name: 'Alice' });
    const stranger = await fetch(`${origin}/api/me`, { headers: { cookie: 'session=made-up' } });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: 'NOT_SIGNED_IN' });

    // Again: the same user.
    expect((await post('/api/verify', { response: await walletAnswer(await nonce()) })).status).toBe(200);
    expect(users.size).toBe(1);

    const plain = await post('/plain/verify', { response: await walletAnswer(await nonce()) });
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({ atSign: '@alice🛠' });
    expect(plainSignIns.at(-1)).toMatchObject({ atSign: '@alice🛠', keySource: 'atServer', profile: PROFILE });
  });

  it('refuses the same answer twice: the nonce is spent', async () => {
    const response = await walletAnswer(await nonce());
    expect((await post('/api/verify', { response })).status).toBe(200);
    const again = await post('/api/verify', { response });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    // Passport's own answer in the plain form.
    expect((await post('/plain/verify', { response })).status).toBe(401);
  });

  it('refuses an answer written for another domain, even for a nonce it issued', async () => {
    const answer = await post('/api/verify', { response: await walletAnswer(await nonce(), 'https://evil.example') });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'DOMAIN_MISMATCH' });
  });

  it('refuses a profile changed after the wallet signed it', async () => {
    const response = await walletAnswer(await nonce());
    const answer = await post('/api/verify', { response: { ...response, profile: { ...PROFILE, email: 'mallory@example.com' } } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'PROFILE_MISMATCH' });
  });

  it('refuses a nonce answered after it expired', async () => {
    const response = await walletAnswer(await nonce());
    clock += DEFAULT_NONCE_TTL_MS;
    try {
      const answer = await post('/api/verify', { response });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    } finally {
      clock -= DEFAULT_NONCE_TTL_MS;
    }
  });

  it('refuses a post from another origin and a body that is not the answer, making no user and no session', async () => {
    const before = { users: users.size, sessions: sessions.size };
    const foreign = await post('/api/verify', { response: await walletAnswer(await nonce()) }, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'FORBIDDEN_ORIGIN' });
    const notJson = await fetch(`${origin}/api/verify`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(notJson.status).toBe(400);
    expect((await post('/api/verify', { profile: PROFILE })).status).toBe(400);
    expect({ users: users.size, sessions: sessions.size }).toEqual(before);
  });

  it('hands the verify callback’s errors to Passport, and says no when it gives no user', async () => {
    const seen: { error?: unknown; user?: unknown; info?: unknown; status?: unknown }[] = [];
    const refuse = new AtSignStrategy(
      { origin, name: 'atsign-closed', verify: { root: atPlatform.root, ca: atPlatform.ca }, now: () => clock, passReqToCallback: true },
      (req, _signIn, done) => (req.headers['x-break'] ? done(new Error('database down')) : done(null, false, { message: 'Invitation only.' })),
    );
    const run = (headers: Record<string, string>, response: SignInResponse) =>
      new Promise<void>((resolve) => {
        const req = { headers: { origin, ...headers }, body: { response } };
        passport.authenticate(refuse, { session: false }, (error: unknown, user: unknown, info: unknown, status: unknown) => {
          seen.push({ error, user, info, status });
          resolve();
        })(req, {}, resolve);
      });
    await run({}, await walletAnswer(await refuse.routes.issueNonce()));
    await run({ 'x-break': '1' }, await walletAnswer(await refuse.routes.issueNonce()));
    expect(seen[0]).toMatchObject({ error: null, user: false, info: { message: 'Invitation only.' }, status: 401 });
    expect((seen[1]!.error as Error).message).toBe('database down');
  });
});
