// The Better Auth plugin as a site mounts it: examples/better-auth/server.mjs
// (betterAuth({ plugins: [atSign({ origin })] }) on Better Auth's memory
// adapter, served by node:http through Better Auth's Node handler), asked
// over HTTP as the button asks it, through auth.api, and through
// createAuthClient with atSignClient(). Sign-ins are signed for real (Alice's
// and Bob's .atKeys, bound wallet keys, profiles signed as the wallet signs
// them) and confirmed on a local atPlatform. A sign-in makes the user (by
// atSign) and a Better Auth session; replay, another domain, a changed
// profile and an expired nonce are refused, and make no session.
import { createServer } from 'node:http';
import path from 'node:path';
import { createAuthClient } from 'better-auth/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse } from '@/packages/sdk/src';
import { createMemoryNonceStore, DEFAULT_NONCE_TTL_MS } from '@/packages/sdk/src/node';
import { atSignClient } from '@/packages/sdk/src/better-auth/client';
import { createApp } from '../../../examples/better-auth/server.mjs';
import { cookieOf, expectDocsShow, newWallet, postJson, serving, signedAnswer, type SigningWallet } from './adapter-support';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';

const ATKEYS = {
  '@alice🛠': path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys'),
  '@bob🛠': path.resolve(process.cwd(), 'tests/fixtures/atkeys/@bob🛠.atKeys'),
};
type Who = keyof typeof ATKEYS;
const EXAMPLE = path.resolve(process.cwd(), 'examples/better-auth/server.mjs');
const PROFILE = { name: 'Alice', email: 'alice@example.com' };

let atPlatform: LocalAtPlatform;
const wallets = {} as Record<Who, SigningWallet>;
let clock = Date.now();
const db = { user: [], session: [], account: [], verification: [] } as Record<'user' | 'session' | 'account' | 'verification', Record<string, unknown>[]>;
let ORIGIN = '';
let auth: ReturnType<typeof createApp>['auth'];
let close: () => Promise<void>;

beforeAll(async () => {
  atPlatform = await startLocalAtPlatform({ atKeys: Object.values(ATKEYS) });
  for (const who of Object.keys(ATKEYS) as Who[]) wallets[who] = await newWallet(ATKEYS[who]);
  let handler: ReturnType<typeof createApp>['handler'] = () => undefined;
  ({ origin: ORIGIN, close } = await serving(createServer((req, res) => handler(req, res)).listen(0, '127.0.0.1')));
  // The example as it runs, with the test's atPlatform, clock and tables.
  ({ auth, handler } = createApp({ origin: ORIGIN, atPlatform: { root: atPlatform.root, ca: atPlatform.ca }, db, now: () => clock }));
}, 30_000);
afterAll(async () => {
  await close?.();
  await atPlatform?.stop();
});

async function nonce(): Promise<string> {
  const answer = await fetch(`${ORIGIN}/api/auth/atsign/nonce`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  return ((await answer.json()) as { nonce: string }).nonce;
}

/** The wallet's answer for `forNonce`, written for `site` (this one unless told), with `profile` signed along. */
const walletAnswer = (
  forNonce: string,
  { site = ORIGIN, who = '@alice🛠' as Who, profile = PROFILE as Record<string, string> } = {},
): Promise<SignInResponse> => signedAnswer(wallets[who], { nonce: forNonce, site, now: clock, profile });

const verify = (body: unknown, from = ORIGIN): Promise<Response> => postJson(`${ORIGIN}/api/auth/atsign/verify`, body, from);

describe('the Better Auth plugin (examples/better-auth/server.mjs)', () => {
  it('is the code docs/sdk.md shows: each line of its example is in the file, in order', () => {
    expectDocsShow('The server: Better Auth', EXAMPLE);
  });

  it('signs in: makes the user by atSign from the signed profile, and a session its cookie opens', async () => {
    const answer = await verify({ response: await walletAnswer(await nonce()) });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ atSign: '@alice🛠', keySource: 'atServer', profile: PROFILE, created: true });
    expect(body.user).toMatchObject({ atSign: '@alice🛠', name: 'Alice', email: 'alice@example.com' });
    expect(answer.headers.get('set-cookie')).toMatch(/better-auth\.session_token=.+HttpOnly/i);

    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(answer) }) });
    expect(session?.user).toMatchObject({ id: body.user.id, atSign: '@alice🛠', name: 'Alice', email: 'alice@example.com', emailVerified: false });
    expect(db.account).toContainEqual(expect.objectContaining({ userId: body.user.id, providerId: 'atsign', accountId: '@alice🛠' }));
    const me = await fetch(`${ORIGIN}/api/me`, { headers: { cookie: cookieOf(answer) } });
    expect(await me.json()).toEqual({ id: body.user.id, atSign: '@alice🛠', name: 'Alice', email: 'alice@example.com' });
    expect((await fetch(`${ORIGIN}/api/me`)).status).toBe(401);

    // Again: the same user, a new session.
    const again = await verify({ response: await walletAnswer(await nonce()) });
    expect(await again.json()).toMatchObject({ created: false, user: { id: body.user.id } });
    expect(db.user.filter((user) => user.atSign === '@alice🛠')).toHaveLength(1);
  });

  it('never joins a shared email to someone else’s account, and keeps atSign out of what a person can set', async () => {
    const bob = await verify({ response: await walletAnswer(await nonce(), { who: '@bob🛠', profile: { email: 'ALICE@example.com' } }) });
    expect(bob.status).toBe(200);
    const { user } = await bob.json();
    expect(user).toMatchObject({ atSign: '@bob🛠', name: '@bob🛠' });
    expect(user.email).toMatch(/^[0-9a-f]{32}@atsign\.invalid$/);

    const headers = new Headers({ cookie: cookieOf(bob), origin: ORIGIN });
    const update = await auth.api.updateUser({ headers, body: { atSign: '@alice🛠' } as never }).catch((error: unknown) => error);
    expect(update).toMatchObject({ statusCode: 400, body: { code: 'FIELD_NOT_ALLOWED' } });
    expect((await auth.api.getSession({ headers }))?.user.atSign).toBe('@bob🛠');
  });

  it('refuses the same answer twice: the nonce is spent', async () => {
    const response = await walletAnswer(await nonce());
    expect((await verify({ response })).status).toBe(200);
    const again = await verify({ response });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'NONCE_MISMATCH', code: 'NONCE_MISMATCH' });
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an answer written for another domain, even for a nonce it issued', async () => {
    const answer = await verify({ response: await walletAnswer(await nonce(), { site: 'https://evil.example' }) });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'DOMAIN_MISMATCH' });
  });

  it('refuses a profile changed after the wallet signed it', async () => {
    const response = await walletAnswer(await nonce());
    const answer = await verify({ response: { ...response, profile: { ...PROFILE, email: 'mallory@example.com' } } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'PROFILE_MISMATCH' });
    expect(db.user.some((user) => user.email === 'mallory@example.com')).toBe(false);
  });

  it('refuses a nonce answered after it expired', async () => {
    const response = await walletAnswer(await nonce());
    clock += DEFAULT_NONCE_TTL_MS;
    try {
      const answer = await verify({ response });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    } finally {
      clock -= DEFAULT_NONCE_TTL_MS;
    }
  });

  it('refuses a nonce it never issued, a post from another origin and a body that is not the answer', async () => {
    const users = db.user.length;
    const unknown = await verify({ response: await walletAnswer('neverIssuedHere1234') });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    const foreign = await verify({ response: await walletAnswer(await nonce()) }, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'FORBIDDEN_ORIGIN' });
    expect((await verify({ profile: PROFILE })).status).toBe(400);
    expect(db.user.length).toBe(users);
  });

  it('works through auth.api on the server, and with a NonceStore of the site’s own', async () => {
    const { nonce: issued } = await auth.api.atSignNonce();
    const signedIn = await auth.api.atSignVerify({ body: { response: await walletAnswer(issued) }, headers: new Headers({ origin: ORIGIN }) });
    expect(signedIn).toMatchObject({ atSign: '@alice🛠', created: false });

    const nonces = createMemoryNonceStore();
    const { auth: own } = createApp({ origin: ORIGIN, atPlatform: { root: atPlatform.root, ca: atPlatform.ca }, db, nonces, now: () => clock });
    const rows = db.verification.length;
    const mine = await own.api.atSignNonce();
    expect(db.verification.length).toBe(rows);
    const response = await walletAnswer(mine.nonce);
    expect(await own.api.atSignVerify({ body: { response }, headers: new Headers({ origin: ORIGIN }) })).toMatchObject({ atSign: '@alice🛠' });
    await expect(own.api.atSignVerify({ body: { response }, headers: new Headers({ origin: ORIGIN }) })).rejects.toMatchObject({
      statusCode: 401,
      body: { error: 'NONCE_MISMATCH' },
    });
  });

  it('works through createAuthClient with atSignClient(): authClient.atsign.nonce() and .verify({ response })', async () => {
    const authClient = createAuthClient({
      baseURL: ORIGIN,
      plugins: [atSignClient()],
      // A browser sends Origin itself; Node's fetch does not.
      fetchOptions: { customFetchImpl: (input, init) => fetch(new Request(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), origin: ORIGIN } })) },
    });
    const { data: issued } = await authClient.atsign.nonce();
    expect(issued?.nonce).toMatch(/^[A-Za-z0-9]{16,64}$/);
    const { data, error } = await authClient.atsign.verify({ response: await walletAnswer(issued!.nonce) });
    expect(error).toBeNull();
    expect(data).toMatchObject({ atSign: '@alice🛠', user: { atSign: '@alice🛠' } });
    const replay = await authClient.atsign.verify({ response: await walletAnswer(issued!.nonce) });
    expect(replay.error).toMatchObject({ status: 401, code: 'NONCE_MISMATCH' });
  });
});
