// The demo site's server end to end over HTTP, with a sign-in signed for real:
// Alice's .atKeys, a wallet ed25519 key bound to them, and the SDK's own
// message builder. What it checks is what any site's server must do: nonces
// are its own and single-use, the domain is its own, POSTs come from its own
// origin, the session lives in an HttpOnly, SameSite=Strict cookie — and the
// atSign is confirmed on the atPlatform (a local one, here) before any of it.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindSigningKey, generateSigningKey, readAtKeys, signEd25519, type SigningKey, type KeyBinding } from '@/src/keys';
import { buildSignInMessage, profileStatement, type SignInResponse } from '@/packages/sdk/src';
import { MAX_BODY_BYTES, SESSION_COOKIE, startDemoServer } from '../../../demo/server.mjs';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';

const ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys');
const BOB_ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@bob🛠.atKeys');
const ROOT = path.resolve(process.cwd(), 'demo/public');

let atPlatform: LocalAtPlatform;
let server: Awaited<ReturnType<typeof startDemoServer>>;
let key: SigningKey;
let binding: KeyBinding;

beforeAll(async () => {
  atPlatform = await startLocalAtPlatform({ atKeys: [ATKEYS] });
  server = await startDemoServer({ port: 0, root: ROOT, atPlatform: { root: atPlatform.root, ca: atPlatform.ca } });
  key = await generateSigningKey();
  binding = await bindSigningKey(await readAtKeys(readFileSync(ATKEYS, 'utf8')), key.publicKey);
}, 30_000);
afterAll(async () => {
  await server?.close();
  await atPlatform?.stop();
});

const domain = () => new URL(server.origin).host;
const api = (route: string) => new URL(route, server.url).href;

async function getNonce(): Promise<string> {
  const answer = await fetch(api('/api/nonce'));
  expect(answer.status).toBe(200);
  const { nonce } = (await answer.json()) as { nonce: string };
  expect(nonce).toMatch(/^[A-Za-z0-9]{16,64}$/);
  return nonce;
}

/** What the wallet answers atsign_signIn with, for `nonce` on `forDomain`; with `shared`, the profile signed with it. */
async function signedResponse(nonce: string, forDomain = domain(), shared?: Record<string, string>): Promise<SignInResponse> {
  const now = Date.now();
  const message = buildSignInMessage({
    domain: forDomain,
    atSign: '@alice🛠',
    statement: 'Sign in to Example.',
    uri: `http://${forDomain}`,
    nonce,
    issuedAt: new Date(now).toISOString(),
    expirationTime: new Date(now + 5 * 60_000).toISOString(),
  });
  const response = { message, signature: await signEd25519(key.seed, message), publicKey: key.publicKey, keyBinding: binding };
  if (!shared) return response;
  return { ...response, profile: shared, profileSignature: await signEd25519(key.seed, await profileStatement(message, shared)) };
}

function post(route: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(api(route), {
    method: 'POST',
    headers: { Origin: server.origin, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** "name=value" of the session cookie a response sets. */
function sessionCookie(answer: Response): string {
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(cookie, 'a session cookie').toBeDefined();
  return cookie!.split(';')[0]!;
}

const profile = { name: 'Alice', email: 'alice@example.com' };

describe('the demo server signs a person in', () => {
  let response: SignInResponse;
  let cookie: string;

  it('accepts a real signed response for its own domain and nonce, and sets a strict session cookie', async () => {
    response = await signedResponse(await getNonce(), domain(), profile);
    const answer = await post('/api/verify', { response });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ atSign: '@alice🛠', keySource: 'atServer', signingKeyPublished: false, profile });
    const [setCookie] = answer.headers.getSetCookie();
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    cookie = sessionCookie(answer);
  });

  it('knows who is signed in from the cookie, with the profile they shared', async () => {
    const answer = await fetch(api('/api/me'), { headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ atSign: '@alice🛠', keySource: 'atServer', signingKeyPublished: false, profile });
  });

  it('refuses the same response a second time: the nonce was spent', async () => {
    const answer = await post('/api/verify', { response });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('signs out: the session is gone and the cookie cleared', async () => {
    const answer = await post('/api/signout', undefined, { Cookie: cookie });
    expect(answer.status).toBe(204);
    expect(answer.headers.getSetCookie()[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect((await fetch(api('/api/me'), { headers: { Cookie: cookie } })).status).toBe(401);
  });
});

describe('the demo server refuses', () => {
  it('a response signed for another domain, with DOMAIN_MISMATCH', async () => {
    const answer = await post('/api/verify', { response: await signedResponse(await getNonce(), 'evil.example') });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'DOMAIN_MISMATCH' });
  });

  it('a nonce it never issued', async () => {
    const answer = await post('/api/verify', { response: await signedResponse('NeverIssued12345') });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'NONCE_MISMATCH' });
  });

  it('a wallet holding other keys under the same atSign, with KEY_MISMATCH, and keeps no session', async () => {
    // Bob's keys, relabelled as Alice's: every offline check passes; only her atServer can tell.
    const forged = await bindSigningKey({ ...(await readAtKeys(readFileSync(BOB_ATKEYS, 'utf8'))), atSign: '@alice🛠' }, key.publicKey);
    const good = await signedResponse(await getNonce());
    const answer = await post('/api/verify', { response: { ...good, keyBinding: forged } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'KEY_MISMATCH' });
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('an atSign the root does not know, with ATSIGN_NOT_FOUND', async () => {
    const nobody = await bindSigningKey({ ...(await readAtKeys(readFileSync(BOB_ATKEYS, 'utf8'))), atSign: '@nobodyhere' }, key.publicKey);
    const nonce = await getNonce();
    const now = Date.now();
    const message = buildSignInMessage({
      domain: domain(),
      atSign: '@nobodyhere',
      uri: `http://${domain()}`,
      nonce,
      issuedAt: new Date(now).toISOString(),
    });
    const response = { message, signature: await signEd25519(key.seed, message), publicKey: key.publicKey, keyBinding: nobody };
    const answer = await post('/api/verify', { response });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'ATSIGN_NOT_FOUND' });
  });

  it('a tampered message, with the SDK check that failed', async () => {
    const good = await signedResponse(await getNonce());
    const answer = await post('/api/verify', { response: { ...good, message: good.message.replace('Example', 'Exampl3') } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'BAD_SIGNATURE' });
  });

  it('a POST from a foreign origin, or with none, with 403 — before reading it', async () => {
    const response = await signedResponse(await getNonce());
    for (const origin of ['http://evil.example', `${server.origin}.evil.example`, 'null']) {
      const answer = await post('/api/verify', { response }, { Origin: origin });
      expect(answer.status, origin).toBe(403);
    }
    const withoutOrigin = await fetch(api('/api/verify'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response }),
    });
    expect(withoutOrigin.status).toBe(403);
    // Refused requests did not spend the nonce.
    expect((await post('/api/verify', { response })).status).toBe(200);
  });

  it('a body that is not JSON, is not valid JSON, or is too large', async () => {
    expect((await post('/api/verify', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('/api/verify', '{"response":')).status).toBe(400);
    expect((await post('/api/verify', { response: 'x'.repeat(MAX_BODY_BYTES) })).status).toBe(413);
    expect((await post('/api/verify', { response: 'not an object' })).status).toBe(400);
  });

  it('a profile changed after the wallet signed it, with PROFILE_MISMATCH, and keeps no session', async () => {
    const good = await signedResponse(await getNonce(), domain(), profile);
    const answer = await post('/api/verify', { response: { ...good, profile: { ...profile, email: 'mallory@example.com' } } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'PROFILE_MISMATCH' });
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('/api/me and /api/signout without a session cookie, or with a made-up one', async () => {
    expect((await fetch(api('/api/me'))).status).toBe(401);
    const madeUp = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
    expect((await fetch(api('/api/me'), { headers: { Cookie: madeUp } })).status).toBe(401);
    expect((await post('/api/signout', undefined)).status).toBe(401);
  });

  it('requests for another host name (DNS rebinding), and sends localhost to its own name', async () => {
    const { port } = new URL(server.origin);
    expect(await statusFor(`evil.example:${port}`, '/api/nonce')).toEqual({ status: 421 });
    expect(await statusFor(`localhost:${port}`, '/get-wallet.html')).toEqual({
      status: 308,
      location: new URL('/get-wallet.html', server.origin).href,
    });
  });
});

/** fetch() will not send another Host header, so this asks with node:http. */
function statusFor(host: string, route: string): Promise<{ status?: number; location?: string }> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: route, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.headers.location ? { status: res.statusCode, location: res.headers.location } : { status: res.statusCode });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo server still serves the page', () => {
  it('with its strict CSP', async () => {
    const answer = await fetch(server.url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await answer.text()).toContain('<atsign-signin-button');
  });
});
