// The Express/Connect adapter as a site mounts it: a nonce route, a verify
// route and an onSignIn hook, in a real Express app over HTTP, with sign-ins
// signed for real (Alice's .atKeys and a wallet key bound to them, the profile
// signed as the wallet signs it) and confirmed on a local atPlatform. Each
// refusal a site must make is made: replay, another domain, a changed
// profile, an expired nonce, a foreign page.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindSigningKey, generateSigningKey, readAtKeys, signEd25519, type KeyBinding, type SigningKey } from '@/src/keys';
import { buildSignInMessage, profileStatement, type SignInResponse, type VerifiedSignIn } from '@/packages/sdk/src';
import { atSignSignIn, createMemoryNonceStore, DEFAULT_NONCE_TTL_MS } from '@/packages/sdk/src/node';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';

const ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys');
const PROFILE = { name: 'Alice', email: 'alice@example.com' };

let atPlatform: LocalAtPlatform;
let key: SigningKey;
let binding: KeyBinding;
let close: () => Promise<void>;
let origin = '';
let clock = Date.now();
const signedIn: VerifiedSignIn[] = [];

beforeAll(async () => {
  atPlatform = await startLocalAtPlatform({ atKeys: [ATKEYS] });
  key = await generateSigningKey();
  binding = await bindSigningKey(await readAtKeys(readFileSync(ATKEYS, 'utf8')), key.publicKey);

  const app = express();
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // What a site writes: the adapter, its hook, two routes (one behind Express's own JSON parser).
  const signIn = atSignSignIn({
    origin,
    nonces: createMemoryNonceStore(),
    verify: { root: atPlatform.root, ca: atPlatform.ca },
    now: () => clock,
    onSignIn: (who, _req, res) => {
      signedIn.push(who);
      res.setHeader('Set-Cookie', 'session=made-by-the-site; HttpOnly; SameSite=Strict');
      return { atSign: who.atSign, name: who.profile.name ?? null };
    },
  });
  app.get('/api/nonce', signIn.nonce);
  app.post('/api/verify', signIn.verify);
  app.post('/parsed/verify', express.json({ limit: '300kb' }), signIn.verify);
  close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
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
async function walletAnswer(forNonce: string, site = origin): Promise<SignInResponse> {
  const message = buildSignInMessage({
    domain: new URL(site).host,
    atSign: '@alice🛠',
    statement: 'Sign in to Example.',
    uri: site,
    nonce: forNonce,
    issuedAt: new Date(clock).toISOString(),
    expirationTime: new Date(clock + 10 * 60_000).toISOString(),
  });
  return {
    message,
    signature: await signEd25519(key.seed, message),
    publicKey: key.publicKey,
    keyBinding: binding,
    profile: PROFILE,
    profileSignature: await signEd25519(key.seed, await profileStatement(message, PROFILE)),
  };
}

function post(route: string, body: unknown, from = origin) {
  return fetch(`${origin}${route}`, {
    method: 'POST',
    headers: { Origin: from, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the Express adapter', () => {
  it('signs in: the hook gets the verified atSign and signed profile, and its answer is the reply', async () => {
    for (const route of ['/api/verify', '/parsed/verify']) {
      const answer = await post(route, { response: await walletAnswer(await nonce()) });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ atSign: '@alice🛠', name: 'Alice' });
      expect(answer.headers.get('set-cookie')).toContain('session=made-by-the-site');
      expect(signedIn.at(-1)).toMatchObject({ atSign: '@alice🛠', keySource: 'atServer', profile: PROFILE });
    }
  });

  it('refuses the same answer twice: the nonce is spent', async () => {
    const response = await walletAnswer(await nonce());
    expect((await post('/api/verify', { response })).status).toBe(200);
    const again = await post('/api/verify', { response });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
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

  it('refuses a post from another origin, a body that is not the answer, and one too large, calling no hook', async () => {
    const before = signedIn.length;
    const foreign = await post('/api/verify', { response: await walletAnswer(await nonce()) }, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'FORBIDDEN_ORIGIN' });
    expect((await post('/api/verify', { profile: PROFILE })).status).toBe(400);
    const text = await fetch(`${origin}/api/verify`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    expect((await post('/api/verify', { response: { message: 'x'.repeat(300 * 1024) } })).status).toBe(413);
    expect(signedIn.length).toBe(before);
  });
});
