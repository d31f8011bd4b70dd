// The wallet's links to atServers, against a local atPlatform over the
// WebSocket door a browser uses, verification on. What is checked is what a
// person sees (the status) and what anyone can read on the atServer (the
// published signing key, checked with node:crypto).
import { createVerify } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AtClient, webSocketConnector, type AtAddress } from '@/src/atplatform';
import { AtServerLinks, retryDelayMs, type LinksDeps } from '@/src/background/atplatform/links';
import { publishSigningKey } from '@/src/background/atplatform/publish-signing-key';
import { findAtServerOverHttps } from '@/src/background/atplatform/root-over-https';
import { bindSigningKey, generateSigningKey, type AtKeys, type KeyBinding } from '@/src/keys';
import type { AtServerStatus } from '@/src/shared/atserver-status';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { ALICE, ALICE_FILE, BOB_FILE, readFixture } from '../atplatform/support/fixtures';
import { addressOf, trustingWebSocket } from '../atplatform/support/local-doors';
import { trustingFetch } from './https-fetch';

let platform: LocalAtPlatform;
let alice: AtKeys;
let bob: AtKeys;
let binding: KeyBinding;
const running: AtServerLinks[] = [];

beforeAll(async () => {
  [alice, bob] = await Promise.all([readFixture(ALICE_FILE), readFixture(BOB_FILE)]);
  binding = await bindSigningKey(alice, (await generateSigningKey()).publicKey);
  platform = await startLocalAtPlatform({ atKeys: [ALICE_FILE, BOB_FILE] });
}, 60_000);
afterEach(() => {
  for (const links of running.splice(0)) links.stopAll();
});
afterAll(() => platform?.stop());

const connect = () => webSocketConnector({ WebSocket: trustingWebSocket(platform.ca), timeoutMs: 5_000 });

/** Links as the wallet runs them, with the root found over HTTPS and fast retries; every status kept. */
function links(overrides: Partial<LinksDeps> = {}) {
  const seen: Array<[string, AtServerStatus]> = [];
  const made = new AtServerLinks({
    locate: (atSign) => findAtServerOverHttps(platform.root, atSign, trustingFetch(platform.ca)),
    connect: connect(),
    credentials: () => Promise.resolve({ pkamPrivateKey: alice.pkamPrivateKey }),
    whenOnline: (client) => publishSigningKey(client, binding).then(() => undefined),
    now: () => Date.now(),
    later: (task, ms) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    },
    onStatus: (atSign, status) => seen.push([atSign, status]),
    timeoutMs: 5_000,
    retryDelayMs: () => 50,
    ...overrides,
  });
  running.push(made);
  return { links: made, seen };
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

/** What anyone can read, unauthenticated, on alice's atServer. */
async function publishedSigningKey() {
  const client = await AtClient.connect(addressOf(platform, ALICE), { connect: connect() });
  try {
    // `lookup` names a public key without its "public:".
    return await client.lookupAll(binding.atKey.slice('public:'.length));
  } finally {
    client.close();
  }
}

describe('a link to an atServer', () => {
  it('goes online and publishes the signing key, which anyone can read and check against the encryption key', async () => {
    const { links: made } = links();
    made.sync([ALICE]);
    await until(() => expect(made.status(ALICE)).toMatchObject({ state: 'online', address: platform.atServers[ALICE] }));
    const published = await publishedSigningKey();
    expect(published?.value).toBe(binding.value);
    const signature = published?.metadata.dataSignature ?? '';
    const encryptionKey = { key: Buffer.from(alice.encryptionPublicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
    expect(createVerify('RSA-SHA256').update(binding.value, 'utf8').verify(encryptionKey, signature, 'base64')).toBe(true);
  });

  it('writes the signing key only when the atServer does not hold it already', async () => {
    const client = await AtClient.connect(addressOf(platform, ALICE), { connect: connect() });
    try {
      await client.authenticate(ALICE, { pkamPrivateKey: alice.pkamPrivateKey });
      await publishSigningKey(client, binding);
      await expect(publishSigningKey(client, binding)).resolves.toBe(false);
      // Something else was written under this wallet's name: the wallet puts its own key back.
      const other = await bindSigningKey(alice, (await generateSigningKey()).publicKey);
      await client.update(binding.atKey, other.value, { dataSignature: other.dataSignature });
      await expect(publishSigningKey(client, binding)).resolves.toBe(true);
      await expect(publishSigningKey(client, binding)).resolves.toBe(false);
      // Another wallet of the atSign publishes beside it, under its own name.
      await expect(publishSigningKey(client, other)).resolves.toBe(true);
      await expect(publishSigningKey(client, binding)).resolves.toBe(false);
    } finally {
      client.close();
    }
  });

  it('starts its waits over when the person says "Try now", so a failed try is followed by a short wait', async () => {
    const waits = vi.fn((_attempt: number) => 60_000);
    const { links: made } = links({ locate: () => Promise.resolve(null), retryDelayMs: waits });
    made.sync([ALICE]);
    await until(() => expect(waits).toHaveBeenCalledTimes(1));
    made.retryNow(ALICE);
    await until(() => expect(waits).toHaveBeenCalledTimes(2));
    made.retryNow(ALICE);
    await until(() => expect(waits).toHaveBeenCalledTimes(3));
    expect(waits.mock.calls.map(([attempt]) => attempt)).toEqual([1, 1, 1]);
    expect(made.status(ALICE)).toMatchObject({ state: 'offline', problem: 'not-found' });
  });

  it('goes offline when the atServer stops, tries again, and is back online when it returns', async () => {
    const { links: made } = links();
    made.sync([ALICE]);
    await until(() => expect(made.status(ALICE).state).toBe('online'));
    const server = platform.atServer(ALICE);
    await server.stop();
    try {
      await until(() => expect(made.status(ALICE)).toMatchObject({ state: 'offline', problem: 'unreachable', retryAt: expect.any(Number) }));
    } finally {
      await server.start();
    }
    await until(() => expect(made.status(ALICE).state).toBe('online'));
  });

  it('is refused, and does not try again, when the atServer does not accept the keys', async () => {
    const later = vi.fn((task: () => void, ms: number) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    });
    const { links: made, seen } = links({ credentials: () => Promise.resolve({ pkamPrivateKey: bob.pkamPrivateKey }), later });
    made.sync([ALICE]);
    await until(() =>
      expect(made.status(ALICE)).toEqual({ state: 'refused', problem: 'keys-refused', message: `${ALICE}’s atServer does not accept this wallet’s keys.` }),
    );
    expect(later).not.toHaveBeenCalled();
    expect(seen.map(([, status]) => status.state)).toEqual(['connecting', 'refused']);
  });

  it('says when the root does not know the atSign, and asks again later', async () => {
    const { links: made, seen } = links();
    made.sync(['@nobody']);
    await until(() => expect(seen.filter(([, s]) => s.state === 'offline').length).toBeGreaterThanOrEqual(2));
    expect(made.status('@nobody')).toMatchObject({ state: 'offline', problem: 'not-found', message: 'The root does not know @nobody.' });
  });

  it('says the root could not be reached when it cannot be asked', async () => {
    const { links: made } = links({ locate: (atSign) => findAtServerOverHttps('127.0.0.1:1', atSign, trustingFetch(platform.ca)) });
    made.sync([ALICE]);
    await until(() =>
      expect(made.status(ALICE)).toMatchObject({ state: 'offline', problem: 'root-unreachable', message: 'The root at https://127.0.0.1:1 could not be reached.' }),
    );
  });

  it('closes on stop: the status says locked and no attempt follows', async () => {
    const { links: made, seen } = links();
    made.sync([ALICE]);
    await until(() => expect(made.status(ALICE).state).toBe('online'));
    made.stopAll();
    expect(made.status(ALICE)).toEqual({ state: 'locked' });
    const count = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.length).toBe(count);
  });

  it('lends its connection only while online, so a removed wallet can take its signing key away', async () => {
    const { links: made } = links();
    await expect(made.whileOnline(ALICE, () => Promise.resolve('ran'))).resolves.toBeNull();
    made.sync([ALICE]);
    await until(() => expect(made.status(ALICE).state).toBe('online'));
    await made.whileOnline(ALICE, (client) => client.delete(binding.atKey));
    await expect(publishedSigningKey()).rejects.toMatchObject({ code: 'AT0015' });
    made.stopAll();
    await expect(made.whileOnline(ALICE, () => Promise.resolve('ran'))).resolves.toBeNull();
  });

  it('hears from its monitor the commit of every change another app makes, and drops when the monitor does', async () => {
    const commits: number[] = [];
    const online = vi.fn();
    const { links: made } = links({ onOnline: online, onServerCommit: (_atSign, latest) => commits.push(latest) });
    made.sync([ALICE]);
    await until(() => expect(made.status(ALICE).state).toBe('online'));
    expect(online).toHaveBeenCalledWith(ALICE);
    const other = await AtClient.connect(addressOf(platform, ALICE), { connect: connect() });
    try {
      await other.authenticate(ALICE, { pkamPrivateKey: alice.pkamPrivateKey });
      const commitId = await other.update('note.elsewhere@alice🛠', 'written by another app');
      await until(() => expect(commits).toContain(commitId));
      await other.delete('note.elsewhere@alice🛠');
    } finally {
      other.close();
    }
    // The atServer going away takes the monitor with it; the link says so and comes back with both.
    const server = platform.atServer(ALICE);
    await server.stop();
    try {
      await until(() => expect(made.status(ALICE)).toMatchObject({ state: 'offline' }));
    } finally {
      await server.start();
    }
    await until(() => expect(online).toHaveBeenCalledTimes(2));
  });

  it('keeps the connection alive with noop while online', async () => {
    const address: AtAddress = addressOf(platform, ALICE);
    const { links: made } = links({ keepAliveMs: 30, locate: () => Promise.resolve(address) });
    made.sync([ALICE]);
    await until(() => expect(made.status(ALICE).state).toBe('online'));
    const since = (made.status(ALICE) as { since: number }).since;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(made.status(ALICE)).toMatchObject({ state: 'online', since });
  });
});

describe('waits between attempts', () => {
  it('start at 1 s and double, up to 5 minutes', () => {
    expect([1, 2, 3, 4, 9, 10, 30].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000]);
  });
});
