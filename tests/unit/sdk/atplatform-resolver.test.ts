// verifySignIn confirming sign-ins on a real (local) atPlatform over TLS: the
// root finds the atSign's atServer, which is asked what it publishes. Every
// answer the atPlatform can give is here — found, unknown, down, another key,
// a badly signed key — and the bounds on what lookups cost.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtClient, type AtConnector } from '@/src/atplatform';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import { readAtKeys, walletSigningAtKey, type AtKeys } from '@/src/keys';
import { SignInErrorCode, type SignInResponse } from '@/packages/sdk/src';
import { createAtPlatformResolver, verifySignIn } from '@/packages/sdk/src/node';
import { LOOKUP_MAX_REPLY_CHARS } from '@/packages/sdk/src/confirm/published-keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, signIn, type Wallet } from './support';

const fixture = (file: string) => path.resolve(process.cwd(), 'tests/fixtures/atkeys', file);
const ALICE = '@alice🛠';

let platform: LocalAtPlatform;
let aliceKeys: AtKeys;
let bobKeys: AtKeys;
let alice: Wallet;
let response: SignInResponse;
const options = { domain: DOMAIN, nonce: NONCE, now: NOW };

/** A connector that counts the connections it opens (the root's and the atServers'). */
function counting(connect: AtConnector) {
  const opened: string[] = [];
  const counted: AtConnector = (address) => {
    opened.push(`${address.host}:${address.port}`);
    return connect(address);
  };
  return { connect: counted, opened };
}

/** Alice's own app, authenticated with her PKAM key: what it does with her atServer. */
async function asAlice<T>(work: (client: AtClient) => Promise<T>): Promise<T> {
  const [host, port] = platform.atServers[ALICE]!.split(':');
  const client = await AtClient.connect({ host: host!, port: Number(port) }, { connect: tlsConnector({ ca: platform.ca }), timeoutMs: 5_000 });
  try {
    await client.authenticate(ALICE, { pkamPrivateKey: aliceKeys.pkamPrivateKey });
    return await work(client);
  } finally {
    client.close();
  }
}

/** Writes a public signing key under `atKey` as a wallet publishes its own. */
const publishAsAlice = (atKey: string, value: string, dataSignature: string | null) =>
  asAlice((client) => client.update(atKey, value, dataSignature === null ? {} : { dataSignature }));

const unpublish = (...atKeys: string[]) => asAlice(async (client) => void (await Promise.all(atKeys.map((key) => client.delete(key)))));

beforeAll(async () => {
  platform = await startLocalAtPlatform({ atKeys: [fixture(`${ALICE}.atKeys`), fixture('@barbara.atKeys')] });
  [aliceKeys, bobKeys] = await Promise.all([
    readAtKeys(readFileSync(fixture(`${ALICE}.atKeys`), 'utf8')),
    readAtKeys(readFileSync(fixture('@bob🛠.atKeys'), 'utf8')),
  ]);
  alice = await makeWallet(aliceKeys);
  response = await signIn(alice);
}, 60_000);
afterAll(() => platform?.stop());

const on = () => ({ root: platform.root, ca: platform.ca });

describe('verifySignIn on the atPlatform (Node, over TLS)', () => {
  it('confirms an atSign whose atServer publishes the binding’s encryption key', async () => {
    await expect(verifySignIn(response, { ...options, ...on() })).resolves.toMatchObject({
      atSign: ALICE,
      keySource: 'atServer',
      signingKeyPublished: false,
    });
  });

  it('confirms the signing key too once it is published, signed by the encryption key, and refuses a bad dataSignature', async () => {
    const fresh = () => createAtPlatformResolver(on());
    const { atKey, value, dataSignature } = alice.binding;
    await publishAsAlice(atKey, value, dataSignature);
    try {
      await expect(verifySignIn(response, { ...options, resolver: fresh() })).resolves.toMatchObject({ signingKeyPublished: true });
      // Someone able to write the key, but without Alice's encryption key to sign it.
      const mallorySigned = (await makeWallet(bobKeys)).binding;
      await publishAsAlice(atKey, value, mallorySigned.dataSignature);
      await expectSignInError(verifySignIn(response, { ...options, resolver: fresh() }), SignInErrorCode.KEY_MISMATCH, /bad dataSignature/);
      await publishAsAlice(atKey, value, null);
      await expectSignInError(verifySignIn(response, { ...options, resolver: fresh() }), SignInErrorCode.KEY_MISMATCH, /bad dataSignature/);
      // Another key written under this wallet's name.
      const other = await makeWallet(aliceKeys);
      await publishAsAlice(atKey, other.binding.value, other.binding.dataSignature);
      await expectSignInError(verifySignIn(response, { ...options, resolver: fresh() }), SignInErrorCode.KEY_MISMATCH, /another wallet signing key/);
    } finally {
      await unpublish(atKey);
    }
  });

  it('confirms two wallets of one atSign, each by the key it publishes under its own name', async () => {
    const resolver = createAtPlatformResolver(on());
    const other = await makeWallet(aliceKeys);
    expect(other.binding.atKey).not.toBe(alice.binding.atKey);
    await publishAsAlice(alice.binding.atKey, alice.binding.value, alice.binding.dataSignature);
    try {
      // The other wallet has not published yet: confirmed by the encryption key alone.
      await expect(verifySignIn(await signIn(other), { ...options, resolver })).resolves.toMatchObject({ signingKeyPublished: false });
      await publishAsAlice(other.binding.atKey, other.binding.value, other.binding.dataSignature);
      await expect(verifySignIn(await signIn(other), { ...options, resolver: createAtPlatformResolver(on()) })).resolves.toMatchObject({
        signingKeyPublished: true,
      });
      await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ signingKeyPublished: true });
    } finally {
      await unpublish(alice.binding.atKey, other.binding.atKey);
    }
  });

  it('asks again, past its cache, before refusing a signing key it kept from an earlier answer', async () => {
    // freshMinMs: 0 re-fetches at every fresh question (the bound on how often is tested below).
    const resolver = createAtPlatformResolver({ ...on(), freshMinMs: 0 });
    const { atKey, value, dataSignature } = alice.binding;
    const other = await makeWallet(aliceKeys);
    // A stale key under this wallet's name is kept by the resolver…
    await publishAsAlice(atKey, other.binding.value, other.binding.dataSignature);
    try {
      await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH, /another wallet signing key/);
      // …then the wallet publishes its own: the same resolver confirms it at once.
      await publishAsAlice(atKey, value, dataSignature);
      await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ signingKeyPublished: true });
    } finally {
      await unpublish(atKey);
    }
  });

  it('refuses other keys under a known atSign’s name (KEY_MISMATCH)', async () => {
    const mallory = await makeWallet({ ...bobKeys, atSign: ALICE });
    expect(mallory.binding.atKey).toMatch(new RegExp(`^public:[0-9a-f]{16}\\.signing_key\\.atwallet${ALICE}$`, 'u'));
    await expectSignInError(verifySignIn(await signIn(mallory), { ...options, ...on() }), SignInErrorCode.KEY_MISMATCH, /another encryption public key/);
  });

  it('refuses an atSign the root does not know (ATSIGN_NOT_FOUND)', async () => {
    const nobody = await makeWallet({ ...bobKeys, atSign: '@nobodyhere' });
    await expectSignInError(
      verifySignIn(await signIn(nobody, { atSign: '@nobodyhere' }), { ...options, ...on() }),
      SignInErrorCode.ATSIGN_NOT_FOUND,
      /does not know @nobodyhere/,
    );
  });

  it('refuses when the atServer is down, or the root is unreachable (ATSERVER_UNREACHABLE)', async () => {
    const server = platform.atServer(ALICE);
    await server.stop();
    try {
      await expectSignInError(verifySignIn(response, { ...options, resolver: createAtPlatformResolver(on()) }), SignInErrorCode.ATSERVER_UNREACHABLE);
    } finally {
      await server.start();
    }
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expectSignInError(
      verifySignIn(response, { ...options, root: `127.0.0.1:${port}`, ca: platform.ca }),
      SignInErrorCode.ATSERVER_UNREACHABLE,
    );
  });

  it('refuses when the root never answers, within the timeout (ATSERVER_UNREACHABLE)', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const resolver = createAtPlatformResolver({ root: `127.0.0.1:${port}`, ca: platform.ca, timeoutMs: 300 });
      await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.ATSERVER_UNREACHABLE);
    } finally {
      silent.close();
    }
  });

  it('refuses an atPlatform whose certificate it does not trust (ATSERVER_UNREACHABLE)', async () => {
    const failure = await verifySignIn(response, { ...options, root: platform.root, resolver: createAtPlatformResolver({ root: platform.root }) }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: SignInErrorCode.ATSERVER_UNREACHABLE });
  });

  it('asks the atPlatform once, then answers from its cache', async () => {
    const { connect, opened } = counting(tlsConnector({ ca: platform.ca }));
    const resolver = createAtPlatformResolver({ root: platform.root, connect });
    await verifySignIn(response, { ...options, resolver });
    expect(opened).toEqual([platform.root, platform.atServers[ALICE]]);
    for (let i = 0; i < 5; i++) await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ keySource: 'atServer' });
    expect(opened).toHaveLength(2);
  });

  it('makes one lookup for many concurrent sign-ins of one atSign', async () => {
    const { connect, opened } = counting(tlsConnector({ ca: platform.ca }));
    const resolver = createAtPlatformResolver({ root: platform.root, connect });
    const all = await Promise.all(Array.from({ length: 25 }, () => verifySignIn(response, { ...options, resolver })));
    expect(all.every((v) => v.keySource === 'atServer')).toBe(true);
    expect(opened).toEqual([platform.root, platform.atServers[ALICE]]);
  });

  it('refuses settings that cannot work as the site’s own mistake (TypeError)', () => {
    for (const bad of [
      { root: 'root.atsign.org' },
      { root: 'https://root.atsign.org:64' },
      { timeoutMs: 0 },
      { maxConcurrent: 0 },
      { cacheTtlMs: -1 },
      { cacheSize: 1.5 },
      { deadlineMs: 0 },
      { notFoundTtlMs: -1 },
      { freshMinMs: 0.5 },
    ]) {
      expect(() => createAtPlatformResolver({ ca: platform.ca, ...bad })).toThrow(TypeError);
    }
  });

  it('does not look anything up for a response that fails an offline check', async () => {
    const { connect, opened } = counting(tlsConnector({ ca: platform.ca }));
    const resolver = createAtPlatformResolver({ root: platform.root, connect });
    const junk = { ...response, message: response.message.replace('Example', 'Exampl3') };
    await Promise.all(Array.from({ length: 20 }, () => verifySignIn(junk, { ...options, resolver }).catch(() => null)));
    expect(opened).toEqual([]);
  });
});

// Past the offline checks, anyone can bind a key of their own to any atSign's
// name: what such sign-ins may still cost the atPlatform, and how long one
// verification may take.
describe('the resolver’s bounds on floods of self-made bindings', () => {
  const tls = () => tlsConnector({ ca: platform.ca });
  /** A binding Mallory made for Alice's atSign with her own RSA key (Bob's), each with a new wallet key and key name. */
  const forgedForAlice = async () => signIn(await makeWallet({ ...bobKeys, atSign: ALICE }));

  it('refuses another encryption key, asking again only once what it kept is freshMinMs old', async () => {
    const forged = await forgedForAlice();
    const { connect, opened } = counting(tls());
    const resolver = createAtPlatformResolver({ root: platform.root, connect });
    await expectSignInError(verifySignIn(forged, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH, /another encryption public key/);
    // The second, fresh question was answered from what was kept a moment ago.
    expect(opened).toEqual([platform.root, platform.atServers[ALICE]]);

    const eager = counting(tls());
    const asksEachTime = createAtPlatformResolver({ root: platform.root, connect: eager.connect, freshMinMs: 0 });
    await expectSignInError(verifySignIn(forged, { ...options, resolver: asksEachTime }), SignInErrorCode.KEY_MISMATCH);
    expect(eager.opened).toEqual([platform.root, platform.atServers[ALICE], platform.root, platform.atServers[ALICE]]);
  });

  it('confirms an atSign whose keys changed since it kept the old ones, once they are freshMinMs old', async () => {
    // Alice's atSign is given new keys (Bob's, for the test): a wallet holding them signs in.
    const renewed = { ...bobKeys, atSign: ALICE };
    const afterReset = await signIn(await makeWallet(renewed));
    const { connect, opened } = counting(tls());
    const resolver = createAtPlatformResolver({ root: platform.root, connect, freshMinMs: 300 });
    await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ keySource: 'atServer' });
    await publishAsAlice('public:publickey@alice🛠', renewed.encryptionPublicKey, null);
    try {
      await expectSignInError(verifySignIn(afterReset, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH, /another encryption public key/);
      expect(opened).toHaveLength(2);
      await sleep(350);
      await expect(verifySignIn(afterReset, { ...options, resolver })).resolves.toMatchObject({ keySource: 'atServer' });
      expect(opened).toHaveLength(4);
    } finally {
      await publishAsAlice('public:publickey@alice🛠', aliceKeys.encryptionPublicKey, null);
    }
  });

  it('refuses many bindings with new signing keys for a known atSign after one lookup, at no further cost', async () => {
    const { connect, opened } = counting(tls());
    const resolver = createAtPlatformResolver({ root: platform.root, connect });
    const forged = await Promise.all(Array.from({ length: 30 }, forgedForAlice));
    expect(new Set(forged.map((f) => f.keyBinding.atKey)).size).toBe(30);
    await expectSignInError(verifySignIn(forged[0]!, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH);
    expect(opened).toHaveLength(2);
    for (const one of forged.slice(1, 10)) await expectSignInError(verifySignIn(one, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH);
    await Promise.all(forged.slice(10).map((one) => expectSignInError(verifySignIn(one, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH)));
    expect(opened).toHaveLength(2);
    // Alice's own wallet, not asked about yet: only her atServer, for its signing key.
    await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ keySource: 'atServer' });
    expect(opened).toEqual([platform.root, platform.atServers[ALICE], platform.atServers[ALICE]]);
  });

  it('does not re-fetch for a fresh question an answer younger than freshMinMs, and does after it', async () => {
    const { connect, opened } = counting(tls());
    const resolver = createAtPlatformResolver({ root: platform.root, connect, freshMinMs: 400 });
    const { atKey, value, dataSignature } = alice.binding;
    const other = await makeWallet(aliceKeys);
    await publishAsAlice(atKey, other.binding.value, other.binding.dataSignature);
    try {
      await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH, /another wallet signing key/);
      expect(opened).toHaveLength(2);
      // The wallet publishes its own key: within freshMinMs the kept answer stands.
      await publishAsAlice(atKey, value, dataSignature);
      await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.KEY_MISMATCH, /another wallet signing key/);
      expect(opened).toHaveLength(2);
      await sleep(450);
      await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ signingKeyPublished: true });
      expect(opened).toEqual([platform.root, platform.atServers[ALICE], platform.root, platform.atServers[ALICE]]);
    } finally {
      await unpublish(atKey);
    }
  });

  it('keeps "not found" for notFoundTtlMs: one root lookup within it, another after it', async () => {
    const { connect, opened } = counting(tls());
    const resolver = createAtPlatformResolver({ root: platform.root, connect, notFoundTtlMs: 300 });
    const nobody = await signIn(await makeWallet({ ...bobKeys, atSign: '@nobodyhere' }), { atSign: '@nobodyhere' });
    const unknown = () => expectSignInError(verifySignIn(nobody, { ...options, resolver }), SignInErrorCode.ATSIGN_NOT_FOUND, /does not know @nobodyhere/);
    await unknown();
    await unknown();
    expect(opened).toEqual([platform.root]);
    await sleep(350);
    await unknown();
    expect(opened).toEqual([platform.root, platform.root]);
    // notFoundTtlMs: 0 keeps nothing.
    const again = counting(tls());
    const uncached = createAtPlatformResolver({ root: platform.root, connect: again.connect, notFoundTtlMs: 0 });
    for (let i = 0; i < 2; i++) await expectSignInError(verifySignIn(nobody, { ...options, resolver: uncached }), SignInErrorCode.ATSIGN_NOT_FOUND);
    expect(again.opened).toEqual([platform.root, platform.root]);
  });

  it('gives up at deadlineMs on a root that never answers (ATSERVER_UNREACHABLE), sharing one lookup', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const { connect, opened } = counting(tlsConnector({ ca: platform.ca, timeoutMs: 5_000 }));
      const resolver = createAtPlatformResolver({ root: `127.0.0.1:${port}`, connect, timeoutMs: 5_000, deadlineMs: 250 });
      const started = Date.now();
      const all = await Promise.all(Array.from({ length: 5 }, () => verifySignIn(response, { ...options, resolver }).catch((e: unknown) => e)));
      const took = Date.now() - started;
      for (const failure of all) expect(failure).toMatchObject({ code: SignInErrorCode.ATSERVER_UNREACHABLE, message: expect.stringMatching(/within 250 ms/) });
      expect(took).toBeGreaterThanOrEqual(240);
      expect(took).toBeLessThan(2_000);
      expect(opened).toEqual([`127.0.0.1:${port}`]);
    } finally {
      // The lookup still under way now fails too, with nobody waiting on it.
      for (const socket of sockets) socket.destroy();
      silent.close();
      await sleep(50);
    }
  });

  it('keeps an answer that came after the deadline for the next sign-in', async () => {
    const { connect, opened } = counting(tls());
    const slowRoot: AtConnector = async (address) => {
      if (`${address.host}:${address.port}` === platform.root) await sleep(400);
      return connect(address);
    };
    const resolver = createAtPlatformResolver({ root: platform.root, connect: slowRoot, deadlineMs: 150 });
    await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.ATSERVER_UNREACHABLE, /within 150 ms/);
    // Sign-ins meanwhile join the lookup under way (or give up too); once it is done, they are answered from it.
    let verified: unknown;
    for (let tries = 0; verified === undefined && tries < 50; tries++) {
      verified = await verifySignIn(response, { ...options, resolver }).catch(async (error: unknown) => {
        expect(error).toMatchObject({ code: SignInErrorCode.ATSERVER_UNREACHABLE });
        await sleep(100);
        return undefined;
      });
    }
    expect(verified).toMatchObject({ keySource: 'atServer' });
    expect(opened).toEqual([platform.root, platform.atServers[ALICE]]);
  });
});

// An atSign's own atServer can be anyone's (a self-hosted one, or a private
// atPlatform): what it sends must not cost a site's server without bound.
describe('the resolver’s bounds on what an atServer sends', () => {
  const tls = () => tlsConnector({ ca: platform.ca });
  /** A new wallet key's name under `atSign`, as a binding names it. */
  const newSigningAtKey = (atSign: string) =>
    walletSigningAtKey(atSign, Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'));

  it('refuses, and keeps nothing of, a signing key longer than any key (ATSERVER_UNREACHABLE)', async () => {
    const { atKey, dataSignature } = alice.binding;
    await publishAsAlice(atKey, 'k'.repeat(5_000), dataSignature);
    try {
      const { connect, opened } = counting(tls());
      const resolver = createAtPlatformResolver({ root: platform.root, connect });
      for (let i = 0; i < 2; i++) {
        await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.ATSERVER_UNREACHABLE, /signing key of 5000 characters/);
      }
      // Nothing was kept: the second sign-in asked the atServer again.
      expect(opened.filter((address) => address === platform.atServers[ALICE]).length).toBeGreaterThanOrEqual(2);
    } finally {
      await unpublish(atKey);
    }
  });

  it('stops reading a reply longer than a key lookup needs (ATSERVER_UNREACHABLE)', async () => {
    const { atKey, dataSignature } = alice.binding;
    await publishAsAlice(atKey, 'k'.repeat(LOOKUP_MAX_REPLY_CHARS + 1_000), dataSignature);
    try {
      const resolver = createAtPlatformResolver(on());
      await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.ATSERVER_UNREACHABLE, new RegExp(`longer than ${LOOKUP_MAX_REPLY_CHARS} characters`));
    } finally {
      await unpublish(atKey);
    }
  });

  it('lets one atSign whose atServer answers slowly hold two lookups at most, so other atSigns are still answered', async () => {
    const barbaraServer = platform.atServers['@barbara'];
    let stalled: Promise<void> | null = null;
    let release = () => {};
    const connect: AtConnector = async (address) => {
      if (stalled && `${address.host}:${address.port}` === barbaraServer) await stalled;
      return tls()(address);
    };
    const resolver = createAtPlatformResolver({ root: platform.root, connect, maxConcurrent: 3 });
    // Barbara's atSign is known and kept: from now on each new wallet key of hers costs a lookup of its own.
    await resolver('@barbara', { signingAtKey: await newSigningAtKey('@barbara') });
    stalled = new Promise((resolve) => (release = resolve));
    const names = await Promise.all(Array.from({ length: 10 }, () => newSigningAtKey('@barbara')));
    const slow = names.map((signingAtKey) =>
      resolver('@barbara', { signingAtKey }).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    // Alice is answered while two of Barbara's lookups still wait on her atServer.
    await expect(resolver(ALICE)).resolves.toMatchObject({ encryptionPublicKey: expect.any(String) });
    release();
    const outcomes = await Promise.all(slow);
    expect(outcomes.filter((outcome) => outcome === 'answered')).toHaveLength(2);
    expect(outcomes.filter((outcome) => /lookups for @barbara are under way/.test(outcome))).toHaveLength(8);
  });
});
