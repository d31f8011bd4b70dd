// The Express/Connect adapter as a site mounts it: examples/express/server.mjs
// (atSignSignIn's nonce and verify routes, an onSignIn hook that starts a
// cookie session, a "who am I" route) in a real Express app over HTTP, with
// sign-ins signed for real (Alice's .atKeys and a wallet key bound to them,
// the profile signed as the wallet signs it) and confirmed on a local
// atPlatform. Each refusal a site must make is made: replay, another domain,
// a changed profile, an expired nonce, a foreign page.
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse } from '@/packages/sdk/src';
import { createMemoryNonceStore, DEFAULT_NONCE_TTL_MS } from '@/packages/sdk/src/node';
import { createApp, type Session } from '../../../examples/express/server.mjs';
import { cookieOf, expectDocsShow, newWallet, postJson, serving, signedAnswer, type SigningWallet } from './adapter-support';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';

const ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys');
const EXAMPLE = path.resolve(process.cwd(), 'examples/express/server.mjs');
const PROFILE = { name: 'Alice', email: 'alice@example.com' };

let atPlatform: LocalAtPlatform;
let alice: SigningWallet;
let close: () => Promise<void>;
let origin = '';
let clock = Date.now();
const sessions = new Map<string, Session>();

beforeAll(async () => {
  atPlatform = await startLocalAtPlatform({ atKeys: [ATKEYS] });
  alice = await newWallet(ATKEYS);

  const app = express();
  ({ origin, close } = await serving(app.listen(0, '127.0.0.1')));
  // The example as it runs, with the test's atPlatform and clock; mounted
  // again behind Express's own JSON parser, whose body the adapter takes.
  const site = createApp({ origin, atPlatform: { root: atPlatform.root, ca: atPlatform.ca }, nonces: createMemoryNonceStore(), sessions, now: () => clock });
  app.use('/parsed', express.json({ limit: '300kb' }), site);
  app.use(site);
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

describe('the Express adapter (examples/express/server.mjs)', () => {
  it('is the code docs/sdk.md shows: each line of its example is in the file, in order', () => {
    expectDocsShow('The server: Express, Connect or plain Node', EXAMPLE);
  });

  it('signs in: the hook starts a session with the verified atSign and signed profile, and its answer is the reply', async () => {
    for (const route of ['/api/verify', '/parsed/api/verify']) {
      const answer = await post(route, { response: await walletAnswer(await nonce()) });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ atSign: '@alice🛠', name: 'Alice' });
      expect(answer.headers.get('set-cookie')).toMatch(/^session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
      const me = await fetch(`${origin}/api/me`, { headers: { cookie: cookieOf(answer) } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ atSign: '@alice🛠', keySource: 'atServer', profile: PROFILE });
    }
    const stranger = await fetch(`${origin}/api/me`, { headers: { cookie: 'session=made-up' } });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: 'NOT_SIGNED_IN' });
  });

  it('refuses the same answer twice: the nonce is spent', async () => {
    const response = await walletAnswer(await nonce());
    expect((await post('/api/verify', { response })).status).toBe(200);
    const again = await post('/api/verify', { response });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    expect(again.headers.get('set-cookie')).toBeNull();
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
    const issued = await nonce();
    const response = await walletAnswer(issued);
    clock += DEFAULT_NONCE_TTL_MS;
    try {
      const answer = await post('/api/verify', { response });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    } finally {
      clock -= DEFAULT_NONCE_TTL_MS;
    }
  });

  it('answers 503 ATSERVER_UNREACHABLE while the atSign’s atServer is down, starting no session; the nonce is spent all the same', async () => {
    // A wallet key of its own, so its binding names a signing key no earlier
    // sign-in confirmed: the site's resolver has nothing cached and must ask
    // the atServer, which the root still names but which is down.
    const wallet = await newWallet(ATKEYS);
    const answerFor = async (issued: string) => signedAnswer(wallet, { nonce: issued, site: origin, now: clock, profile: PROFILE });
    const before = sessions.size;
    const response = await answerFor(await nonce());
    const alice = atPlatform.atServer('@alice🛠');
    await alice.stop();
    try {
      for (const route of ['/api/verify', '/parsed/api/verify']) {
        const answer = await post(route, { response: route === '/api/verify' ? response : await answerFor(await nonce()) });
        expect(answer.status).toBe(503);
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(await answer.json()).toEqual({ error: 'ATSERVER_UNREACHABLE', message: expect.stringMatching(/^Could not confirm @alice🛠 on the atPlatform \(.+\)\.$/u) });
        expect(answer.headers.get('set-cookie')).toBeNull();
      }
    } finally {
      await alice.start();
    }
    expect(sessions.size).toBe(before);

    // The nonce was spent before the atPlatform was asked: the same answer, sent
    // again once the atServer is back, is a replay. A new nonce signs in.
    const again = await post('/api/verify', { response });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(sessions.size).toBe(before);
    const retry = await post('/api/verify', { response: await answerFor(await nonce()) });
    expect(retry.status).toBe(200);
    const me = await fetch(`${origin}/api/me`, { headers: { cookie: cookieOf(retry) } });
    expect(await me.json()).toEqual({ atSign: '@alice🛠', keySource: 'atServer', profile: PROFILE });
  });

  it('refuses a post from another origin, a body that is not the answer, and one too large, starting no session', async () => {
    const before = sessions.size;
    const foreign = await post('/api/verify', { response: await walletAnswer(await nonce()) }, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'FORBIDDEN_ORIGIN' });
    expect((await post('/api/verify', { profile: PROFILE })).status).toBe(400);
    const text = await fetch(`${origin}/api/verify`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    expect((await post('/api/verify', { response: { message: 'x'.repeat(300 * 1024) } })).status).toBe(413);
    expect(sessions.size).toBe(before);
  });
});
