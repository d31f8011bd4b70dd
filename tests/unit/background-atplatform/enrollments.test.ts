// Adding the wallet to an atSign by APKAM, against a local atPlatform over the
// WebSocket door, with the atServer's own approver playing the person's other
// app. What is checked: the keys the wallet ends up with are the atSign's
// (compared with its .atKeys file), they authenticate, and every refusal is
// named and leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtClient, webSocketConnector } from '@/src/atplatform';
import { EnrollmentError } from '@/src/background/atplatform/enrollment';
import { Enrollments, type EnrollmentsDeps } from '@/src/background/atplatform/enrollments';
import type { AtKeys } from '@/src/keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { ALICE, ALICE_FILE, readFixture } from '../atplatform/support/fixtures';
import { addressOf, trustingWebSocket } from '../atplatform/support/local-doors';

let platform: LocalAtPlatform;
let alice: AtKeys;
let serial = 0;
const DAVE_SECRET = 'b7e1c0d2f3a4958677a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0';

beforeAll(async () => {
  alice = await readFixture(ALICE_FILE);
  platform = await startLocalAtPlatform({
    atKeys: [ALICE_FILE],
    unactivated: [
      { atSign: '@carol', cramSecret: 'a'.repeat(64) },
      { atSign: '@dave', cramSecret: DAVE_SECRET },
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

describe('activating a new atSign with its activation secret', () => {
  it('refuses a wrong secret, then activates with the right one: keys made here, published, the secret spent', async () => {
    const made = enrollments();
    await expect(made.activate('@dave', `${DAVE_SECRET}0`, device())).rejects.toMatchObject({ problem: 'secret-refused' });
    const keys = await made.activate('@dave', DAVE_SECRET, device());
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
    await expect(made.activate('@dave', DAVE_SECRET, device())).rejects.toMatchObject({ problem: 'secret-refused' });
  });

  it('names an atSign the root does not know', async () => {
    await expect(enrollments().activate('@nobody', DAVE_SECRET, device())).rejects.toMatchObject({ problem: 'not-found' });
  });
});
