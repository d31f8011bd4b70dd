// The Better Auth plugin as a site mounts it: examples/better-auth/server.mjs
// (betterAuth({ plugins: [atSign({ origin })] }) on Better Auth's memory
// adapter, served by node:http through Better Auth's Node handler), asked
// over HTTP as the button asks it, through auth.api, and through
// createAuthClient with atSignClient(). Sign-ins are signed for real (Alice's
// and Bob's .atKeys, bound wallet keys, profiles signed as the wallet signs
// them) and confirmed on a local atPlatform. A sign-in makes the user (by
// atSign) and a Better Auth session; replay, another domain, a changed
// profile and an expired nonce are refused, and make no session. Beside
// Better Auth's magic link, an atSign that shared someone else's email loses
// its way into that user once the email's owner proves it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { createAuthClient } from 'better-auth/client';
import { magicLink } from 'better-auth/plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse } from '@/packages/sdk/src';
import { createMemoryNonceStore, DEFAULT_NONCE_TTL_MS } from '@/packages/sdk/src/node';
import { atSign } from '@/packages/sdk/src/better-auth';
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

type Tables = Record<'user' | 'session' | 'account' | 'verification', Record<string, unknown>[]>;

/** The cookies `set` sets, as a Cookie header. */
const cookiesIn = (set: Headers): string => cookieOf(new Response(null, { headers: set }));

/** A site with the plugin and Better Auth's magic link, on tables of its own; its links are kept here, not emailed. */
function siteWithMagicLink() {
  const tables: Tables = { user: [], session: [], account: [], verification: [] };
  const links: { email: string; url: string }[] = [];
  const site = betterAuth({
    baseURL: ORIGIN,
    secret: randomBytes(32).toString('base64url'),
    database: memoryAdapter(tables),
    plugins: [
      atSign({ origin: ORIGIN, verify: { root: atPlatform.root, ca: atPlatform.ca }, now: () => clock }),
      magicLink({ sendMagicLink: ({ email, url }) => void links.push({ email, url }) }),
    ],
  });
  const headers = () => new Headers({ origin: ORIGIN });

  /** `who` signs in with `profile` shared: the answer, and the cookie of the session it made. */
  async function signIn(who: Who, profile: Record<string, string>) {
    const { nonce: issued } = await site.api.atSignNonce();
    const body = { response: await walletAnswer(issued, { who, profile }) };
    const { response, headers: set } = await site.api.atSignVerify({ body, headers: headers(), returnHeaders: true });
    return { ...response, cookie: cookiesIn(set) };
  }

  /** The owner of `email` asks for a link and opens it: the user Better Auth signs them in to, and the session's cookie. */
  async function provesEmail(email: string) {
    await site.api.signInMagicLink({ body: { email }, headers: headers() });
    const token = new URL(links.findLast((link) => link.email === email)!.url).searchParams.get('token')!;
    const { response, headers: set } = await site.api.magicLinkVerify({ query: { token }, headers: headers(), returnHeaders: true });
    return { user: response.user, cookie: cookiesIn(set) };
  }

  const userOf = async (cookie: string) => (await site.api.getSession({ headers: new Headers({ cookie }) }))?.user;
  return { tables, signIn, provesEmail, userOf };
}

describe('the Better Auth plugin beside Better Auth’s magic link', () => {
  it('never lets an atSign that shared someone else’s email back into that person’s user once they prove the email', async () => {
    const { tables, signIn, provesEmail, userOf } = siteWithMagicLink();
    // Bob shares an email that is not his; it is free, so his new user takes it, unverified.
    const first = await signIn('@bob🛠', { email: 'carol@example.com' });
    expect(first).toMatchObject({ created: true, user: { atSign: '@bob🛠', email: 'carol@example.com' } });
    const taken = first.user.id;

    // Carol proves the email: Better Auth hands her that user, without its account rows and sessions.
    const carol = await provesEmail('carol@example.com');
    expect(carol.user).toMatchObject({ id: taken, email: 'carol@example.com', emailVerified: true });
    expect(tables.account.filter((account) => account.userId === taken)).toEqual([]);
    expect(await userOf(first.cookie)).toBeUndefined();
    // At once, before Bob signs in again, her user no longer says it is @bob🛠.
    expect(await userOf(carol.cookie)).toMatchObject({ id: taken, atSign: null });

    // Bob again: a user of his own, not Carol's, and with no email of hers.
    const again = await signIn('@bob🛠', { email: 'carol@example.com' });
    expect(again).toMatchObject({ created: true, user: { atSign: '@bob🛠' } });
    expect(again.user.id).not.toBe(taken);
    expect(again.user.email).toMatch(/^[0-9a-f]{32}@atsign\.invalid$/);
    expect(await userOf(again.cookie)).toMatchObject({ id: again.user.id, atSign: '@bob🛠' });

    // Carol's user no longer claims @bob🛠, and only Bob's new user carries it.
    expect(await userOf(carol.cookie)).toMatchObject({ id: taken, email: 'carol@example.com', atSign: null });
    expect(tables.user.filter((user) => user.atSign === '@bob🛠').map((user) => user.id)).toEqual([again.user.id]);
    expect(tables.account).toContainEqual(expect.objectContaining({ userId: again.user.id, providerId: 'atsign', accountId: '@bob🛠' }));

    // And after that, Bob keeps signing in to his new user.
    expect(await signIn('@bob🛠', {})).toMatchObject({ created: false, user: { id: again.user.id } });
  });

  it('starts a new user for an atSign whose person proved its shared email by magic link: Better Auth dropped the link', async () => {
    const { tables, signIn, provesEmail, userOf } = siteWithMagicLink();
    const first = await signIn('@alice🛠', PROFILE);
    expect(await signIn('@alice🛠', PROFILE)).toMatchObject({ created: false, user: { id: first.user.id } });

    // Alice proves her own email: Better Auth cannot tell her from an owner taking the email back.
    const proven = await provesEmail(PROFILE.email);
    expect(proven.user).toMatchObject({ id: first.user.id, emailVerified: true });

    const again = await signIn('@alice🛠', PROFILE);
    expect(again).toMatchObject({ created: true, user: { atSign: '@alice🛠', name: 'Alice' } });
    expect(again.user.id).not.toBe(first.user.id);
    expect(again.user.email).toMatch(/^[0-9a-f]{32}@atsign\.invalid$/);
    expect(await userOf(proven.cookie)).toMatchObject({ id: first.user.id, email: PROFILE.email, atSign: null });
    expect(tables.user.filter((user) => user.atSign === '@alice🛠').map((user) => user.id)).toEqual([again.user.id]);
  });

  it('starts a new user for an atSign whose account row is gone, with an email and atSign no other user holds', async () => {
    const { tables, signIn, userOf } = siteWithMagicLink();
    const first = await signIn('@bob🛠', {});
    // The row removed, as Better Auth's unlinkAccount removes it.
    tables.account = tables.account.filter((account) => account.accountId !== '@bob🛠');

    const again = await signIn('@bob🛠', {});
    expect(again).toMatchObject({ created: true, user: { atSign: '@bob🛠' } });
    expect(again.user.id).not.toBe(first.user.id);
    expect(again.user.email).toMatch(/^[0-9a-f]{32}@atsign\.invalid$/);
    expect(again.user.email).not.toBe(first.user.email);
    expect(await userOf(again.cookie)).toMatchObject({ id: again.user.id, atSign: '@bob🛠' });
    expect(tables.user.find((user) => user.id === first.user.id)).toMatchObject({ atSign: null, email: first.user.email });
    expect(tables.user.filter((user) => user.atSign === '@bob🛠')).toHaveLength(1);
  });

  it('starts a new user for an atSign whose account row outlived its user, and keeps one row for the atSign', async () => {
    const { tables, signIn } = siteWithMagicLink();
    const first = await signIn('@bob🛠', {});
    // The user deleted straight from the database, its account row left behind.
    tables.user = tables.user.filter((user) => user.id !== first.user.id);

    const again = await signIn('@bob🛠', {});
    expect(again).toMatchObject({ created: true, user: { atSign: '@bob🛠', email: first.user.email } });
    expect(again.user.id).not.toBe(first.user.id);
    expect(tables.account.filter((account) => account.accountId === '@bob🛠').map((account) => account.userId)).toEqual([again.user.id]);
    expect(await signIn('@bob🛠', {})).toMatchObject({ created: false, user: { id: again.user.id } });
  });
});
