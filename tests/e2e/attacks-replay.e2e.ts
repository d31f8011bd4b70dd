// Sign in with atSign against someone who has the answer: a person signs in on
// the demo site with the real wallet, and the answer the wallet signed is then
// sent again, checked for other domains and origins, altered part by part, and
// carried to another site. Each must be refused — by the demo's real server
// where a site would be attacked, and by the SDK's verifier where a site's
// own code decides. The unit tests (tests/unit/sdk) make their answers with
// test keys; these use the wallet's own signature, from a real browser.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemo } from '../../demo/build.mjs';
import { startDemoServer } from '../../demo/server.mjs';
import { generateSigningKey, readAtKeys, signEd25519, type SigningKey } from '@/src/keys';
import { parseSignInMessage, SignInErrorCode, verifySignIn, type SignInResponse } from '@atsign-wallet/sdk';
import { browserNames, launchWallet, type E2EPage, type WalletBrowser } from './harness';
import { atKeysFixtures } from './harness/fixtures';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';

interface Demo {
  url: string;
  origin: string;
  close(): Promise<void>;
}
interface VerifyBody {
  response: SignInResponse;
  profile: Record<string, string>;
}
interface ServerAnswer {
  status: number;
  json: { error?: string; atSign?: string } | null;
  setsCookie?: boolean;
}
type WalletAnswer = { result: SignInResponse; error?: undefined } | { result?: undefined; error: { code: number; message: string } };

const STATEMENT = 'Sign in to Example.';
const host = (origin: string) => new URL(origin).host;
/** The local atPlatform the run started: where the SDK confirms the atSign, as a site's server would on the real one. */
const confirmOn = (() => {
  const { root, ca } = inject('atPlatform');
  return { root, ca };
})();

// ---- what a page of a site does ------------------------------------------------

/** Records every body the page posts to /api/verify (the sign-in button's fetch goes through it). */
function recordVerifyPosts(page: E2EPage) {
  return page.evaluate(() => {
    const w = window as unknown as { verifyBodies: string[] };
    w.verifyBodies = [];
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input).endsWith('/api/verify') && typeof init?.body === 'string') w.verifyBodies.push(init.body);
      return original(input, init);
    };
  }, undefined);
}

const recordedVerifyPosts = (page: E2EPage) =>
  page.evaluate(() => (window as unknown as { verifyBodies: string[] }).verifyBodies.slice(), undefined);

/** The site's own server hands out a nonce, as its page asks for it. */
const nonceFrom = (page: E2EPage) =>
  page.evaluate(async () => ((await (await fetch('/api/nonce')).json()) as { nonce: string }).nonce, undefined);

/** The page posts a sign-in answer to its own server, as the sign-in button does. */
function postFrom(page: E2EPage, body: unknown): Promise<ServerAnswer> {
  return page.evaluate(async (text) => {
    const answer = await fetch('/api/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
    return { status: answer.status, json: (await answer.json().catch(() => null)) as ServerAnswer['json'] };
  }, JSON.stringify(body));
}

/** Someone who copied the answer posts it from their own program, with whatever Origin header suits them. */
async function postAs(demo: Demo, body: unknown): Promise<ServerAnswer> {
  const answer = await fetch(`${demo.origin}/api/verify`, {
    method: 'POST',
    headers: { Origin: demo.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: answer.status,
    json: (await answer.json().catch(() => null)) as ServerAnswer['json'],
    setsCookie: answer.headers.getSetCookie().length > 0,
  };
}

/** The page asks the wallet to sign in, through the page API (no window while the person is kept signed in). */
function signInFrom(page: E2EPage, nonce: string): Promise<WalletAnswer> {
  const params = { nonce, statement: STATEMENT, expirationTime: new Date(Date.now() + 5 * 60_000).toISOString() };
  return page.evaluate(async (params) => {
    type Provider = { request(args: unknown): Promise<unknown> };
    const provider = await new Promise<Provider>((resolve) => {
      window.addEventListener('atsign:announceProvider', (e) => resolve((e as CustomEvent<{ provider: Provider }>).detail.provider), {
        once: true,
      });
      window.dispatchEvent(new Event('atsign:requestProvider'));
    });
    try {
      return { result: (await provider.request({ method: 'atsign_signIn', params })) as SignInResponse };
    } catch (error) {
      const { code, message } = error as { code: number; message: string };
      return { error: { code, message } };
    }
  }, params);
}

// ---- changing a signed answer ------------------------------------------------------

/** The message with the line that starts with `label` replaced. */
function withLine(message: string, label: string, value: string): string {
  const lines = message.split('\n');
  const at = lines.findIndex((line) => line.startsWith(label));
  if (at < 0) throw new Error(`no ${label} line`);
  lines[at] = label + value;
  return lines.join('\n');
}

/** The message as written for another origin: its header and URI line. */
function rewrittenFor(message: string, origin: string): string {
  const [, ...rest] = message.split('\n');
  return withLine([`${host(origin)} wants you to sign in with your atSign:`, ...rest].join('\n'), 'URI: ', origin);
}

function flipBit(text: string, index: number, encoding: 'base64' | 'base64url'): string {
  const bytes = Buffer.from(text, encoding);
  bytes[index] = (bytes[index] ?? 0) ^ 1;
  return bytes.toString(encoding);
}

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

// ---- the demo site, twice ------------------------------------------------------------

let root: string;
let attacker: SigningKey;
let aliceEncryptionKey: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atsign-demo-'));
  const alice = atKeysFixtures().find((f) => f.atSign === '@alice🛠')!;
  [attacker, { encryptionPublicKey: aliceEncryptionKey }] = await Promise.all([
    generateSigningKey(),
    readAtKeys(alice.content, alice.file),
    buildDemo({ outDir: root }),
  ]);
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.each(browserNames)('%s: sign-in replay and other sites', (browserName) => {
  let wallet: WalletBrowser;
  /** the demo site the person signs in to */
  let siteA: Demo;
  /** the same demo on another origin: another site with its own server */
  let siteB: Demo;
  let pageA: E2EPage;
  /** what the sign-in button posted when the person signed in */
  let signedIn: VerifyBody;

  beforeAll(async () => {
    const atPlatform = inject('atPlatform');
    [siteA, siteB] = await Promise.all([startDemoServer({ port: 0, root, atPlatform }), startDemoServer({ port: 0, root, atPlatform })]);
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Public', { name: 'Barbara', email: 'barbara@example.org' });
  });
  afterAll(async () => {
    await wallet?.close();
    await Promise.all([siteA?.close(), siteB?.close()]);
  });

  it('accepts the answer the person signed once, and refuses it sent again', async () => {
    pageA = await wallet.newPage(siteA.url);
    await recordVerifyPosts(pageA);
    await pageA.clickRole('button', 'Sign in with atSign');
    const approval = await ApprovalPage.waitFor(wallet);
    await approval.choose({ persona: 'Public', duration: '1 hour' });
    await approval.keepSignedIn();
    await approval.approve();
    await expect.poll(() => pageA.textOf('#account-heading')).toBe('Signed in as @barbara');

    const posted = await recordedVerifyPosts(pageA);
    expect(posted).toHaveLength(1);
    signedIn = JSON.parse(posted[0]!) as VerifyBody;
    expect(parseSignInMessage(signedIn.response.message)).toMatchObject({
      domain: host(siteA.origin),
      uri: siteA.origin,
      atSign: '@barbara',
    });

    // The same answer again: from the person's own page, and from anyone who copied it.
    const spent = { status: 401, json: expect.objectContaining({ error: 'NONCE_MISMATCH' }) };
    expect(await postFrom(pageA, signedIn)).toEqual(spent);
    expect(await postAs(siteA, signedIn)).toEqual({ ...spent, setsCookie: false });
    expect(await postAs(siteA, { ...signedIn, profile: { name: 'Mallory' } })).toEqual({ ...spent, setsCookie: false });
    // The person is still signed in, as themselves.
    const me = await pageA.evaluate(async () => (await fetch('/api/me')).json(), undefined);
    expect(me).toMatchObject({ atSign: '@barbara', profile: { name: 'Barbara' } });
  });

  it('is refused by the SDK verifier for any other domain or origin, another nonce, or once it has run out', async () => {
    const { response } = signedIn;
    const message = parseSignInMessage(response.message);
    const { nonce } = message;
    const refused = (domain: string, extra: { nonce?: string; now?: number } = {}) =>
      verifySignIn(response, { domain, scheme: 'http', nonce, ...confirmOn, ...extra }).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      );
    // What the site it was signed for sees: accepted (its own code keeps nonces single-use).
    await expect(verifySignIn(response, { domain: host(siteA.origin), scheme: 'http', nonce, ...confirmOn })).resolves.toMatchObject({
      atSign: '@barbara',
      keySource: 'atServer',
    });
    const { port } = new URL(siteA.origin);
    // Another site, another origin on the same host (site B, another port), the same server by another
    // name, the host without its port.
    const otherDomains = ['evil.example', host(siteB.origin), `localhost:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`];
    for (const domain of otherDomains) expect(await refused(domain), domain).toBe(SignInErrorCode.DOMAIN_MISMATCH);
    const own = host(siteA.origin);
    expect(await refused(own, { nonce: `${nonce}X` })).toBe(SignInErrorCode.NONCE_MISMATCH);
    expect(await refused(own, { now: Date.parse(message.expirationTime!) })).toBe(SignInErrorCode.EXPIRED);
    expect(await refused(own, { now: Date.parse(message.issuedAt) - 10 * 60_000 })).toBe(SignInErrorCode.NOT_YET_VALID);
  });

  it('refuses at the demo server every change to a signed part, even with a nonce it issued', async () => {
    /** A fresh answer the wallet signs at site A, for a nonce site A issued: accepted as it is. */
    const fresh = async () => {
      const answer = await signInFrom(pageA, await nonceFrom(pageA));
      expect(answer.error).toBeUndefined();
      return answer.result!;
    };
    expect(await postFrom(pageA, { response: await fresh() })).toMatchObject({
      status: 200,
      json: { atSign: '@barbara' },
    });
    // Kept signed in: the wallet signed without a window.
    await expect.poll(() => wallet.countExtensionPages('/approve.html')).toBe(0);

    const other = await fresh();
    type Change = (r: SignInResponse) => Promise<SignInResponse> | SignInResponse;
    const inMessage = (change: (text: string) => string | Promise<string>): Change => async (r) => ({
      ...r,
      message: await change(r.message),
    });
    const variants: [string, Change, string][] = [
      ['statement', inMessage((m) => m.replace(STATEMENT, 'Sign in to Exampl3.')), 'BAD_SIGNATURE'],
      ['atSign', inMessage((m) => m.replace('\n@barbara\n', '\n@alice🛠\n')), 'BAD_SIGNATURE'],
      ['URI', inMessage((m) => withLine(m, 'URI: ', siteA.origin.replace('http:', 'https:'))), 'DOMAIN_MISMATCH'], // caught before the signature: the URI is not this site's origin
      ['nonce, for another it issued', inMessage(async (m) => withLine(m, 'Nonce: ', await nonceFrom(pageA))), 'BAD_SIGNATURE'],
      ['Issued At', inMessage((m) => withLine(m, 'Issued At: ', later(parseSignInMessage(m).issuedAt, 1))), 'BAD_SIGNATURE'],
      [
        'Expiration Time',
        inMessage((m) => withLine(m, 'Expiration Time: ', later(parseSignInMessage(m).expirationTime!, 86_400_000))),
        'BAD_SIGNATURE',
      ],
      ['a line added', inMessage((m) => `${m}\nResources:\n- ${siteA.origin}/admin`), 'BAD_SIGNATURE'],
      ['a line break added', inMessage((m) => `${m}\n`), 'GRAMMAR'],
      ['signature, one bit', (r) => ({ ...r, signature: flipBit(r.signature, 10, 'base64url') }), 'BAD_SIGNATURE'],
      ['signature, of another answer', (r) => ({ ...r, signature: other.signature }), 'BAD_SIGNATURE'],
      ['publicKey', (r) => ({ ...r, publicKey: attacker.publicKey }), 'BAD_SIGNATURE'],
      [
        'message re-signed with another key',
        async (r) => {
          const message = r.message.replace(STATEMENT, 'Sign in as admin.');
          return { ...r, message, signature: await signEd25519(attacker.seed, message), publicKey: attacker.publicKey };
        },
        'BAD_KEY_BINDING',
      ],
      [
        'keyBinding value, with the message re-signed to match',
        async (r) => ({
          ...r,
          signature: await signEd25519(attacker.seed, r.message),
          publicKey: attacker.publicKey,
          keyBinding: { ...r.keyBinding, value: attacker.publicKey },
        }),
        'BAD_KEY_BINDING',
      ],
      [
        'keyBinding dataSignature, one bit',
        (r) => ({ ...r, keyBinding: { ...r.keyBinding, dataSignature: flipBit(r.keyBinding.dataSignature, 20, 'base64') } }),
        'BAD_KEY_BINDING',
      ],
      [
        'keyBinding encryptionPublicKey, another atSign’s',
        (r) => ({ ...r, keyBinding: { ...r.keyBinding, encryptionPublicKey: aliceEncryptionKey } }),
        'BAD_KEY_BINDING',
      ],
      [
        'keyBinding atKey, another atSign',
        (r) => ({ ...r, keyBinding: { ...r.keyBinding, atKey: 'public:signing_key.atwallet@alice🛠' } }),
        'ATSIGN_MISMATCH',
      ],
    ];
    for (const [part, change, code] of variants) {
      const answer = await postFrom(pageA, { response: await change(await fresh()) });
      // Not a sign-in message at all is a bad request (400); any other refusal, 401.
      expect(answer, part).toEqual({ status: code === 'GRAMMAR' ? 400 : 401, json: expect.objectContaining({ error: code }) });
    }

    // A refused attempt spends its nonce: the untouched answer cannot follow it in.
    const response = await fresh();
    expect((await postFrom(pageA, { response: { ...response, signature: other.signature } })).status).toBe(401);
    expect(await postFrom(pageA, { response })).toMatchObject({
      status: 401,
      json: { error: 'NONCE_MISMATCH' },
    });
  });

  it('refuses at site B what the wallet signed at site A, even for a nonce site B issued', async () => {
    const pageB = await wallet.newPage(siteB.url);
    // The person's own sign-in at A, taken to B.
    expect(await postFrom(pageB, signedIn)).toMatchObject({ status: 401, json: { error: 'NONCE_MISMATCH' } });

    // Site A asks B's server for a nonce and has the wallet sign with it: the wallet writes A, not B.
    const nonceOfB = async () => ((await (await fetch(`${siteB.origin}/api/nonce`)).json()) as { nonce: string }).nonce;
    const relayed = await signInFrom(pageA, await nonceOfB());
    expect(parseSignInMessage(relayed.result!.message).domain).toBe(host(siteA.origin));
    expect(await postFrom(pageB, { response: relayed.result })).toMatchObject({
      status: 401,
      json: { error: 'DOMAIN_MISMATCH' },
    });

    // Rewritten to name B: the signature no longer holds, and one of A's own keys cannot stand in for the wallet's.
    const rewritten = (await signInFrom(pageA, await nonceOfB())).result!;
    const forB = rewrittenFor(rewritten.message, siteB.origin);
    expect(parseSignInMessage(forB)).toMatchObject({ domain: host(siteB.origin), uri: siteB.origin });
    expect(await postFrom(pageB, { response: { ...rewritten, message: forB } })).toMatchObject({
      status: 401,
      json: { error: 'BAD_SIGNATURE' },
    });
    const resigned = rewrittenFor((await signInFrom(pageA, await nonceOfB())).result!.message, siteB.origin);
    const signature = await signEd25519(attacker.seed, resigned);
    const forged = { ...rewritten, message: resigned, signature, publicKey: attacker.publicKey };
    expect(await postFrom(pageB, { response: forged })).toMatchObject({
      status: 401,
      json: { error: 'BAD_KEY_BINDING' },
    });
    expect(await pageB.evaluate(async () => (await fetch('/api/me')).status, undefined)).toBe(401);

    // Kept signed in at A, the person is not signed in at B without asking: B gets a window, with B's name in it.
    const started = signInFrom(pageB, await nonceFrom(pageB));
    const approval = await ApprovalPage.waitFor(wallet);
    expect((await approval.message()).split('\n')[0]).toBe(`${host(siteB.origin)} wants you to sign in with your atSign:`);
    await approval.reject();
    expect((await started).error?.code).toBe(4001);
    await Promise.all([pageB.close(), pageA.close()]);
  });

  // The header names the site by host and port only; the URI line, which the
  // wallet writes from the page's real origin, carries the scheme, and the
  // verifier holds it to the scheme the site says it is served over.
  it('refuses an answer signed on an http origin for the https origin of the same host', async () => {
    const { response } = signedIn;
    const httpsTwin = siteA.origin.replace(/^http:/, 'https:');
    const { nonce } = parseSignInMessage(response.message);
    await expect(verifySignIn(response, { domain: host(httpsTwin), nonce, ...confirmOn })).rejects.toMatchObject({
      code: SignInErrorCode.DOMAIN_MISMATCH,
    });
  });
});
