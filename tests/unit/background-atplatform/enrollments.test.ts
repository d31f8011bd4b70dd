// Adding the wallet to an atSign by APKAM, against a local atPlatform over the
// WebSocket door, with the atServer's own approver playing the person's other
// app. What is checked: the keys the wallet ends up with are the atSign's
// (compared with its .atKeys file), they authenticate, and every refusal is
// named and leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { AtClient, AtClientError, webSocketConnector } from '@/src/atplatform';
import { activateAtSign } from '@/src/background/atplatform/activation';
import { EnrollmentError } from '@/src/background/atplatform/enrollment';
import { addIdentity } from '@/src/background/identities/add-identity';
import { ErrorCode } from '@/src/shared/errors';
import { Enrollments, type EnrollmentsDeps } from '@/src/background/atplatform/enrollments';
import type { AtKeys } from '@/src/keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { ALICE, ALICE_FILE, readFixture } from '../atplatform/support/fixtures';
import { addressOf, trustingWebSocket } from '../atplatform/support/local-doors';
import { PASSPHRASE, walletWithBarbara } from '../personas/support';

let platform: LocalAtPlatform;
let alice: AtKeys;
let serial = 0;
const DAVE_SECRET = 'b7e1c0d2f3a4958677a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0';
const ERIN_SECRET = 'c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
const FRED_SECRET = 'd9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8';
const GINA_SECRET = 'e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2';
const HANK_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f809';

beforeAll(async () => {
  alice = await readFixture(ALICE_FILE);
  platform = await startLocalAtPlatform({
    atKeys: [ALICE_FILE],
    unactivated: [
      { atSign: '@carol', cramSecret: 'a'.repeat(64) },
      { atSign: '@dave', cramSecret: DAVE_SECRET },
      { atSign: '@erin', cramSecret: ERIN_SECRET },
      { atSign: '@fred', cramSecret: FRED_SECRET },
      { atSign: '@gina', cramSecret: GINA_SECRET },
      { atSign: '@hank', cramSecret: HANK_SECRET },
    ],
  });
}, 60_000);
afterAll(() => platform?.stop());

const approver = () => platform.atServer(ALICE).core.approver;
const connect = () => webSocketConnector({ WebSocket: trustingWebSocket(platform.ca), timeoutMs: 5_000 });

function enrollments(overrides: Partial<EnrollmentsDeps> = {}) {
  return new Enrollments({
    locate: (atSign) => Promise.resolve(platform.atServers[atSign] ? addressOf(platform, atSign) : null),
    connect: connect(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    pollMs: 20,
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** The enrollment the approving app sees for this request. */
async function listed(enrollmentId: string) {
  return (await approver().list()).find((e) => e.enrollmentId === enrollmentId);
}

const device = () => `test-wallet-${++serial}`;

describe('adding the wallet to an atSign by enrollment', () => {
  it('asks with a one-time code, waits while the request is pending, and gets the atSign’s keys once approved', async () => {
    const made = enrollments();
    const pending = await made.request(ALICE, await approver().otp(), device());
    expect(await listed(pending.enrollmentId)).toMatchObject({ appName: 'atwallet', namespaces: { atwallet: 'rw' }, status: 'pending' });
    const waiting = made.waitForApproval(ALICE);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await approver().approve(pending.enrollmentId);
    const keys = await waiting;
    expect(keys).toMatchObject({
      atSign: ALICE,
      encryptionPublicKey: alice.encryptionPublicKey,
      encryptionPrivateKey: alice.encryptionPrivateKey,
      selfEncryptionKey: alice.selfEncryptionKey,
      extra: { enrollmentId: pending.enrollmentId, apkamSymmetricKey: expect.any(String) },
    });
    // The wallet's own PKAM key is new, and it authenticates as the enrolled app.
    expect(keys.pkamPublicKey).not.toBe(alice.pkamPublicKey);
    const client = await AtClient.connect(addressOf(platform, ALICE), { connect: connect() });
    try {
      await client.authenticate(ALICE, { pkamPrivateKey: keys.pkamPrivateKey, enrollmentId: pending.enrollmentId });
      await expect(client.update(`public:check.atwallet${ALICE}`, 'ok')).resolves.toEqual(expect.any(Number));
      await client.delete(`public:check.atwallet${ALICE}`);
    } finally {
      client.close();
    }
    expect(made.pending(ALICE)).toBeUndefined();
  });

  it('names a code the atServer does not accept, and keeps no request', async () => {
    const made = enrollments();
    const failure = await made.request(ALICE, 'WRONG1', device()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EnrollmentError);
    expect(failure).toMatchObject({
      problem: 'otp-refused',
      message: `${ALICE}’s atServer did not accept the one-time code. Check it, or get a new one from your other app.`,
    });
    expect(made.pending(ALICE)).toBeUndefined();
  });

  it('says the request was denied, and keeps nothing', async () => {
    const made = enrollments();
    const { enrollmentId } = await made.request(ALICE, await approver().otp(), device());
    const waiting = made.waitForApproval(ALICE);
    await approver().deny(enrollmentId);
    await expect(waiting).rejects.toMatchObject({
      problem: 'denied',
      message: `The request to add this wallet to ${ALICE} was denied in your other app.`,
    });
    expect(made.pending(ALICE)).toBeUndefined();
  });

  it('stops waiting when it runs out of patience, or when the request is cancelled', async () => {
    let clock = 0;
    const impatient = enrollments({ now: () => clock, sleep: async () => void (clock += 1_000), patienceMs: 3_000 });
    await impatient.request(ALICE, await approver().otp(), device());
    await expect(impatient.waitForApproval(ALICE)).rejects.toMatchObject({ problem: 'expired', message: expect.stringMatching(/not approved in time/) });

    const made = enrollments();
    await made.request(ALICE, await approver().otp(), device());
    const waiting = made.waitForApproval(ALICE);
    made.cancel(ALICE);
    await expect(waiting).rejects.toMatchObject({ problem: 'expired', message: expect.stringMatching(/cancelled/) });
    await expect(made.waitForApproval(ALICE)).rejects.toMatchObject({ problem: 'expired', message: expect.stringMatching(/No request/) });
  });

  it('names an atSign the root does not know, and one not activated yet', async () => {
    await expect(enrollments().request('@nobody', 'ABC123', device())).rejects.toMatchObject({ problem: 'not-found', message: 'The root does not know @nobody.' });
    await expect(enrollments().request('@carol', 'ABC123', device())).rejects.toMatchObject({
      problem: 'not-activated',
      message: '@carol is not activated yet: its atServer publishes no encryption key.',
    });
  });

  it('keeps waiting through an atServer that is away for a moment', async () => {
    const made = enrollments({ pollMs: 50 });
    const pending = await made.request(ALICE, await approver().otp(), device());
    const server = platform.atServer(ALICE);
    await server.stop();
    const waiting = made.waitForApproval(ALICE);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.start();
    await approver().approve(pending.enrollmentId);
    await expect(waiting).resolves.toMatchObject({ encryptionPrivateKey: alice.encryptionPrivateKey });
  });
});

/** Where a test has no vault to keep the keys in: they are returned as well. */
const keepNothing = async () => {};

describe('activating a new atSign with its activation secret', () => {
  it('refuses a wrong secret, then activates with the right one: keys made here, published, the secret spent', async () => {
    const made = enrollments();
    await expect(made.activate('@dave', `${DAVE_SECRET}0`, device(), keepNothing)).rejects.toMatchObject({ problem: 'secret-refused' });
    const keys = await made.activate('@dave', DAVE_SECRET, device(), keepNothing);
    expect(keys).toMatchObject({ atSign: '@dave', extra: { enrollmentId: expect.any(String), apkamSymmetricKey: expect.any(String) } });
    const anyone = await AtClient.connect(addressOf(platform, '@dave'), { connect: connect() });
    try {
      // Anyone can now read its encryption key, the one the wallet made.
      await expect(anyone.lookup('publickey@dave')).resolves.toBe(keys.encryptionPublicKey);
    } finally {
      anyone.close();
    }
    // The wallet's keys open it, in both PKAM forms…
    for (const form of [{ enrollmentId: keys.extra.enrollmentId as string }, {}]) {
      const owner = await AtClient.connect(addressOf(platform, '@dave'), { connect: connect() });
      try {
        await owner.authenticate('@dave', { pkamPrivateKey: keys.pkamPrivateKey, ...form });
      } finally {
        owner.close();
      }
    }
    // …and the secret never again.
    await expect(made.activate('@dave', DAVE_SECRET, device(), keepNothing)).rejects.toMatchObject({ problem: 'secret-refused' });
  });

  it('names an atSign the root does not know', async () => {
    await expect(enrollments().activate('@nobody', DAVE_SECRET, device(), keepNothing)).rejects.toMatchObject({ problem: 'not-found' });
  });
});

describe('activating, when the new keys must be kept before the secret goes', () => {
  /** A new connection to the atSign's atServer, closed when the test ends. */
  async function atServerOf(atSign: string): Promise<AtClient> {
    const client = await AtClient.connect(addressOf(platform, atSign), { connect: connect() });
    onTestFinished(() => client.close());
    return client;
  }

  it('leaves the secret working when the wallet locked itself before it could keep the keys, so the same secret activates again', async () => {
    const wallet = await walletWithBarbara();
    const keep = (keys: AtKeys) => addIdentity(keys, 'activated', wallet.services).then(() => undefined);
    // The wallet locks itself while the atServer is approving the new keys.
    let approved: AtKeys | null = null;
    const keepAfterLocking = async (keys: AtKeys) => {
      approved = keys;
      await wallet.ok('wallet_lock');
      await keep(keys);
    };
    const first = activateAtSign(await atServerOf('@erin'), { atSign: '@erin', secret: ERIN_SECRET, deviceName: device(), keep: keepAfterLocking });
    await expect(first).rejects.toMatchObject({ code: ErrorCode.Locked });
    // The atServer had taken those keys…
    expect(approved).not.toBeNull();
    await expect((await atServerOf('@erin')).lookup('publickey@erin')).resolves.toBe(approved!.encryptionPublicKey);
    // …but the wallet has nothing of @erin, and the secret still opens it.
    await wallet.ok('wallet_unlock', { passphrase: PASSPHRASE });
    expect(await wallet.services.identities.get('@erin')).toBeUndefined();
    await expect((await atServerOf('@erin')).authenticateCram('@erin', ERIN_SECRET)).resolves.toBeUndefined();

    // Unlocked, the same secret activates @erin, the keys are kept, and then the secret is gone.
    const keys = await activateAtSign(await atServerOf('@erin'), { atSign: '@erin', secret: ERIN_SECRET, deviceName: device(), keep });
    expect(await wallet.services.identities.get('@erin')).toMatchObject({ atSign: '@erin', source: 'activated', pkamPublicKey: keys.pkamPublicKey });
    const owner = await atServerOf('@erin');
    await owner.authenticate('@erin', { pkamPrivateKey: keys.pkamPrivateKey, enrollmentId: keys.extra.enrollmentId as string });
    await expect((await atServerOf('@erin')).authenticateCram('@erin', ERIN_SECRET)).rejects.toThrow();
  });

  it('keeps the keys before deleting the secret; when that delete fails, the atSign stays activated and the secret still works', async () => {
    const client = await atServerOf('@fred');
    const order: string[] = [];
    vi.spyOn(client, 'delete').mockImplementationOnce(async (key) => {
      order.push(`delete ${key}`);
      throw new AtClientError('closed', 'The connection to the atServer dropped.');
    });
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const kept: AtKeys[] = [];
    const keys = await activateAtSign(client, {
      atSign: '@fred',
      secret: FRED_SECRET,
      deviceName: device(),
      keep: async (k) => {
        order.push('keep');
        kept.push(k);
      },
    });
    expect(order).toEqual(['keep', 'delete privatekey:at_secret']);
    expect(kept).toEqual([keys]);
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(/@fred is activated, but its activation secret could not be deleted/), expect.any(AtClientError));
    // The activation stands, and honestly: the secret was not deleted, so it still opens @fred.
    const owner = await atServerOf('@fred');
    await owner.authenticate('@fred', { pkamPrivateKey: keys.pkamPrivateKey, enrollmentId: keys.extra.enrollmentId as string });
    await expect((await atServerOf('@fred')).authenticateCram('@fred', FRED_SECRET)).resolves.toBeUndefined();
  });
});

describe('activating through the wallet’s own request (wallet_activateAtSign)', () => {
  /** Whether the activation secret still opens the atSign. */
  async function secretWorks(atSign: string, secret: string): Promise<boolean> {
    const client = await AtClient.connect(addressOf(platform, atSign), { connect: connect() });
    try {
      await client.authenticateCram(atSign, secret);
      return true;
    } catch {
      return false;
    } finally {
      client.close();
    }
  }

  it('keeps the atSign with its first personas, and only then is the secret spent', async () => {
    const wallet = await walletWithBarbara();
    wallet.services.enrollments = enrollments();
    const added = await wallet.ok('wallet_activateAtSign', { atSign: '@gina', secret: GINA_SECRET });
    expect(added).toMatchObject({ atSign: '@gina', source: 'activated' });
    expect((await wallet.services.personas.list('@gina')).length).toBeGreaterThan(0);
    expect(await secretWorks('@gina', GINA_SECRET)).toBe(false);
  });

  it('spends the secret once the atSign is kept, even when the wallet locked before its first personas were made', async () => {
    const wallet = await walletWithBarbara();
    wallet.services.enrollments = enrollments();
    const identities = wallet.services.identities;
    const store = identities.add.bind(identities);
    // The wallet locks itself just after the atSign's record is stored.
    vi.spyOn(identities, 'add').mockImplementationOnce(async (record) => {
      const stored = await store(record);
      await wallet.ok('wallet_lock');
      return stored;
    });
    const reply = await wallet.call('wallet_activateAtSign', { atSign: '@hank', secret: HANK_SECRET });
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.Locked } });
    await wallet.ok('wallet_unlock', { passphrase: PASSPHRASE });
    // The atSign is in the wallet (its keys sealed), and no one can activate it again with the secret.
    expect(await wallet.services.identities.get('@hank')).toMatchObject({ atSign: '@hank', source: 'activated' });
    expect(await secretWorks('@hank', HANK_SECRET)).toBe(false);
  });
});
