// Every verb of the client against a real local atPlatform (testing/atplatform),
// through both doors an atServer has for it — TLS with ALPN atProtocol/1.0 and
// the WebSocket at /ws — with the test CA trusted and verification on. Keys are
// the demo atSigns' real .atKeys; node:crypto checks signatures and decrypts
// independently of the client.
import { constants, createDecipheriv, createSign, createVerify, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AtClient, AtConnection, AtServerError, findAtServer, parseAddress, type AtAddress } from '@/src/atplatform';
import { pkamSignature } from '@/src/atplatform/auth';
import { fromCommand, pkamCommand } from '@/src/atplatform/verbs';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import type { AtKeys } from '@/src/keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { rejectionOf } from './support/fake-transport';
import { ALICE, ALICE_FILE, BOB_FILE, readFixture } from './support/fixtures';
import { addressOf, Clients, DOORS, type Door } from './support/local-doors';

const CRAM_SECRETS = ['5f0e8c1a9b7d4e2f6a3c1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f', 'e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a'];
const NEW_ATSIGNS = ['@carol', '@dave'];

let platform: LocalAtPlatform;
let alice: AtKeys;
let bob: AtKeys;
const clients = new Clients();

beforeAll(async () => {
  [alice, bob] = await Promise.all([readFixture(ALICE_FILE), readFixture(BOB_FILE)]);
  platform = await startLocalAtPlatform({
    atKeys: [ALICE_FILE],
    unactivated: NEW_ATSIGNS.map((atSign, i) => ({ atSign, cramSecret: CRAM_SECRETS[i] ?? '' })),
  });
}, 60_000);
afterEach(() => clients.closeAll());
afterAll(() => platform?.stop());

const der = <T extends 'spki' | 'pkcs8'>(base64: string, type: T) => ({ key: Buffer.from(base64, 'base64'), format: 'der' as const, type });
const signByEncryptionKey = (value: string) => createSign('RSA-SHA256').update(value, 'utf8').sign(der(alice.encryptionPrivateKey, 'pkcs8'), 'base64');
const verifiesByEncryptionKey = (value: string, signature: string) =>
  createVerify('RSA-SHA256').update(value, 'utf8').verify(der(alice.encryptionPublicKey, 'spki'), signature, 'base64');

/** AES-256-CTR, zero IV, PKCS#7 — how an approving app encrypts the atSign's keys for an enrolled one. */
function aesDecrypt(base64Key: string, base64Ciphertext: string): string {
  const decipher = createDecipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), Buffer.alloc(16));
  const padded = Buffer.concat([decipher.update(Buffer.from(base64Ciphertext, 'base64')), decipher.final()]);
  return padded.subarray(0, padded.length - (padded.at(-1) ?? 0)).toString('utf8');
}

/** A new app's APKAM material, as the wallet makes it before enrolling. */
function apkamMaterial(encryptionPublicKey: string) {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const symmetricKey = randomBytes(32).toString('base64');
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    symmetricKey,
    encryptedSymmetricKey: publicEncrypt({ ...der(encryptionPublicKey, 'spki'), padding: constants.RSA_PKCS1_PADDING }, Buffer.from(symmetricKey, 'utf8')).toString('base64'),
  };
}

describe('the root directory (TLS)', () => {
  it('finds each atServer it knows, and answers null for an atSign it does not', async () => {
    const connect = tlsConnector({ ca: platform.ca });
    await expect(findAtServer(platform.root, ALICE, { connect })).resolves.toEqual(addressOf(platform, ALICE));
    await expect(findAtServer(platform.root, 'Carol', { connect })).resolves.toEqual(addressOf(platform, '@carol'));
    await expect(findAtServer(platform.root, '@nobody🛠', { connect })).resolves.toBeNull();
  });
});

describe.each(DOORS.map((door, index) => [door.name, door, index] as const))('over %s', (_name, door: Door, index) => {
  const connect = (atSign = ALICE, timeoutMs?: number) => clients.connect(platform, door, atSign, timeoutMs);
  const asAlice = async () => {
    const client = await connect();
    await client.authenticate(ALICE, { pkamPrivateKey: alice.pkamPrivateKey });
    return client;
  };

  it('answers info with the server’s version, and noop', async () => {
    const client = await connect();
    await expect(client.info()).resolves.toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    await expect(client.noop()).resolves.toBeUndefined();
  });

  it('lets anyone look up the atSign’s encryption public key, and says AT0015 for a key it does not hold', async () => {
    const client = await connect();
    await expect(client.lookup(`publickey${ALICE}`)).resolves.toBe(alice.encryptionPublicKey);
    const missing = await rejectionOf(client.lookup(`nothing.atwallet${ALICE}`));
    expect(missing).toBeInstanceOf(AtServerError);
    expect(missing).toMatchObject({ code: 'AT0015' });
  });

  it('authenticates the atSign’s own PKAM key, and refuses another key (legacy and JSON errors)', async () => {
    const owner = await asAlice();
    expect(owner.atSign).toBe(ALICE);
    const impostor = await connect();
    expect(await rejectionOf(impostor.authenticate(ALICE, { pkamPrivateKey: bob.pkamPrivateKey }))).toMatchObject({ code: 'AT0401', text: expect.stringMatching(/^Exception: /) });
    const modern = await connect();
    const error = await rejectionOf(modern.authenticate(ALICE, { pkamPrivateKey: bob.pkamPrivateKey, clientConfig: { version: '3.0.38' } }));
    expect(error).toMatchObject({ code: 'AT0401' });
    expect(impostor.atSign).toBeNull();
  });

  it('refuses the owner’s verbs on an unauthenticated connection', async () => {
    const client = await connect();
    await expect(client.llookup(`public:publickey${ALICE}`)).rejects.toMatchObject({ code: 'AT0401' });
    await expect(client.update(`x.atwallet${ALICE}`, 'v')).rejects.toMatchObject({ code: 'AT0401' });
  });

  it('updates, reads back (value, meta, all), lists and deletes the owner’s own keys', async () => {
    const client = await asAlice();
    const key = `p${index}.personas.atwallet${ALICE}`;
    const value = 'first line\nsecond line, with 🛠';
    const commit = await client.update(key, value, { isEncrypted: true, ivNonce: 'AAECAwQFBgcICQoLDA0ODw==' });
    expect(commit).toEqual(expect.any(Number));
    await expect(client.llookupAll(key)).resolves.toMatchObject({
      value,
      metadata: { isEncrypted: true, ivNonce: 'AAECAwQFBgcICQoLDA0ODw==', encoding: 'base64', createdBy: ALICE },
    });
    await expect(client.llookup(key)).resolves.toBe(Buffer.from(value, 'utf8').toString('base64'));
    await expect(client.llookupMeta(key)).resolves.toMatchObject({ isEncrypted: true, encoding: 'base64' });
    await expect(client.scan('personas\\.atwallet')).resolves.toContain(key);
    await expect(client.delete(key)).resolves.toEqual(expect.any(Number));
    await expect(client.llookup(key)).rejects.toMatchObject({ code: 'AT0015' });
    await expect(client.scan('personas\\.atwallet')).resolves.not.toContain(key);
  });

  it('reads a key that exists but is not yet born as null', async () => {
    const client = await asAlice();
    const key = `later${index}.atwallet${ALICE}`;
    await client.update(key, 'not yet', { ttb: 3_600_000 });
    await expect(client.llookup(key)).resolves.toBeNull();
    await client.delete(key);
  });

  it('reads back a time to live as the number of milliseconds it was given', async () => {
    const client = await asAlice();
    const key = `brief${index}.atwallet${ALICE}`;
    await client.update(key, 'for an hour', { ttl: 3_600_000 });
    await expect(client.llookupMeta(key)).resolves.toMatchObject({ ttl: 3_600_000 });
    await expect(client.llookupAll(key)).resolves.toMatchObject({ value: 'for an hour', metadata: { ttl: 3_600_000 } });
    await client.delete(key);
  });

  it('publishes a signed public key that anyone reads with lookup:all, with its dataSignature', async () => {
    const owner = await asAlice();
    const name = `signing_key${index}.atwallet${ALICE}`;
    const value = 'uXz2hY8pQm3vT0sKf7Jb1nR6wLc4dEa9gH5iO2kM8qA';
    await owner.update(`public:${name}`, value, { dataSignature: signByEncryptionKey(value) });
    const stranger = await connect();
    const record = await stranger.lookupAll(name);
    expect(record).toMatchObject({ key: `public:${name}`, value });
    expect(verifiesByEncryptionKey(value, record?.metadata.dataSignature ?? '')).toBe(true);
    await expect(stranger.lookup(name)).resolves.toBe(value);
    await expect(stranger.lookupMeta(name)).resolves.toMatchObject({ dataSignature: record?.metadata.dataSignature });
    await expect(stranger.scan()).resolves.toContain(name);
    await owner.delete(`public:${name}`);
    await expect(stranger.lookup(name)).rejects.toMatchObject({ code: 'AT0015' });
  });

  it('monitors: a notification another app of the atSign sends arrives, and nothing else can be sent on it', async () => {
    const since = Date.now() - 1;
    const watcher = await asAlice();
    const monitor = await watcher.monitor({ selfNotifications: true, since, regex: `monitored${index}\\.atwallet` });
    await expect(watcher.scan()).rejects.toMatchObject({ problem: 'wrong-state' });
    // Another app of Alice's, on its own connection, through the client's lower layer.
    const transport = await door.connector(platform)(addressOf(platform, ALICE));
    const app = await AtConnection.open(transport, { timeoutMs: 10_000 });
    try {
      const challenge = await app.request(fromCommand(ALICE));
      await expect(app.request(pkamCommand(await pkamSignature(alice.pkamPrivateKey, challenge)))).resolves.toBe('success');
      await app.request(`notify:update:messageType:key:${ALICE}:monitored${index}.atwallet${ALICE}:hello`);
    } finally {
      app.close();
    }
    const { value: notification } = await monitor.next();
    expect(notification).toMatchObject({ key: `${ALICE}:monitored${index}.atwallet${ALICE}`, value: 'hello', operation: 'update', from: ALICE, to: ALICE });
    monitor.close();
    await expect(monitor.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('enrolls a new app by APKAM: one-time code, pending, approved, then its keys and only its namespace', async () => {
    const owner = await asAlice();
    const otp = await owner.otpGet();
    expect(otp).toMatch(/^[A-Z0-9]{6,}$/);
    const stranger = await connect();
    const material = apkamMaterial((await stranger.lookup(`publickey${ALICE}`)) ?? '');
    const request = {
      appName: 'atwallet',
      // The atServer keys the approved APKAM public key by app and device name, so a
      // device name must be valid in an atKey: no spaces.
      deviceName: `test-device-${index}`,
      namespaces: { atwallet: 'rw' as const },
      otp,
      apkamPublicKey: material.publicKey,
      encryptedAPKAMSymmetricKey: material.encryptedSymmetricKey,
    };
    const { enrollmentId, status } = await stranger.enrollRequest(request);
    expect(status).toBe('pending');
    // The code is spent.
    await expect((await connect()).enrollRequest({ ...request, deviceName: `other-${index}` })).rejects.toBeInstanceOf(AtServerError);

    const early = await connect();
    await expect(early.authenticate(ALICE, { pkamPrivateKey: material.privateKey, enrollmentId })).rejects.toMatchObject({ code: 'AT0026' });

    await platform.atServer(ALICE).core.approver.approve(enrollmentId);
    const app = await connect();
    await app.authenticate(ALICE, { pkamPrivateKey: material.privateKey, enrollmentId });
    const privateKey = JSON.parse(await app.keysGet(`${enrollmentId}.default_enc_private_key.__manage${ALICE}`)) as { value: string };
    const selfKey = JSON.parse(await app.keysGet(`${enrollmentId}.default_self_enc_key.__manage${ALICE}`)) as { value: string };
    expect(aesDecrypt(material.symmetricKey, privateKey.value)).toBe(alice.encryptionPrivateKey);
    expect(aesDecrypt(material.symmetricKey, selfKey.value)).toBe(alice.selfEncryptionKey);

    const mine = `public:enrolled${index}.atwallet${ALICE}`;
    await expect(app.update(mine, 'ok')).resolves.toEqual(expect.any(Number));
    await expect(app.update(`someone.else${ALICE}`, 'no')).rejects.toMatchObject({ code: 'AT0009' });
    await app.delete(mine);
  });

  it('refuses a denied enrollment with AT0025', async () => {
    const otp = await platform.atServer(ALICE).core.approver.otp();
    const stranger = await connect();
    const material = apkamMaterial(alice.encryptionPublicKey);
    const { enrollmentId } = await stranger.enrollRequest({
      appName: 'atwallet',
      deviceName: `denied device ${index}`,
      namespaces: { atwallet: 'rw' },
      otp,
      apkamPublicKey: material.publicKey,
      encryptedAPKAMSymmetricKey: material.encryptedSymmetricKey,
    });
    await platform.atServer(ALICE).core.approver.deny(enrollmentId);
    await expect((await connect()).authenticate(ALICE, { pkamPrivateKey: material.privateKey, enrollmentId })).rejects.toMatchObject({ code: 'AT0025' });
  });

  it('activates a new atSign with its CRAM secret, as the atPlatform’s onboarding does', async () => {
    const atSign = NEW_ATSIGNS[index] ?? '';
    const secret = CRAM_SECRETS[index] ?? '';
    await expect((await connect(atSign)).authenticateCram(atSign, `${secret}x`)).rejects.toMatchObject({ code: 'AT0401' });
    const activating = await connect(atSign);
    await activating.authenticateCram(atSign, secret);
    expect(activating.atSign).toBe(atSign);
    const encryption = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const encryptionPublicKey = encryption.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const material = apkamMaterial(encryptionPublicKey);
    const enrolled = await activating.enrollRequest({ appName: 'atwallet', deviceName: 'first device', namespaces: { atwallet: 'rw' }, apkamPublicKey: material.publicKey });
    expect(enrolled.status).toBe('approved');
    await activating.update(`public:publickey${atSign}`, encryptionPublicKey);
    await activating.delete('privatekey:at_secret');

    const later = await connect(atSign);
    await later.authenticate(atSign, { pkamPrivateKey: material.privateKey, enrollmentId: enrolled.enrollmentId });
    await expect((await connect(atSign)).lookup(`publickey${atSign}`)).resolves.toBe(encryptionPublicKey);
    await expect((await connect(atSign)).authenticateCram(atSign, secret)).rejects.toBeInstanceOf(AtServerError);
  });

  it('says goodbye with @exit', async () => {
    const client = await connect();
    await client.exit();
    expect(client.closed).toBe(true);
  });

  it('reports a stopped atServer as unreachable, and connects again once it is back', async () => {
    const server = platform.atServer(ALICE);
    await server.stop();
    try {
      await expect(connect()).rejects.toMatchObject({ problem: 'unreachable' });
    } finally {
      await server.start();
    }
    await expect((await connect()).lookup(`publickey${ALICE}`)).resolves.toBe(alice.encryptionPublicKey);
  });

  it('gives up, within its deadline, on a TCP server that never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address: AtAddress = parseAddress(`127.0.0.1:${(silent.address() as { port: number }).port}`);
    try {
      const error = await rejectionOf(AtClient.connect(address, { connect: door.connector(platform, 500), timeoutMs: 500 }));
      expect(error).toMatchObject({ problem: 'timeout' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
