// AtClient against a scripted atServer: exact bytes out, replies in, and what
// each verb makes of them. node:crypto checks the signatures independently.
import { createHash, createVerify } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AtClient, AtClientError, AtServerError, type AtConnector, type AtNotification } from '@/src/atplatform';
import type { AtKeys } from '@/src/keys';
import { FakeTransport, connectorFor, rejectionOf, scriptedServer } from './support/fake-transport';
import { ALICE, ALICE_FILE, readFixture } from './support/fixtures';

const CHALLENGE = `_6fe9a3a0-3c1e-4f2d-9b7a-2f8e1c0d5b4a${ALICE}:0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e`;
const ADDRESS = { host: '127.0.0.1', port: 6464 };
let keys: AtKeys;

beforeAll(async () => {
  keys = await readFixture(ALICE_FILE);
});

afterEach(() => {
  vi.useRealTimers();
});

const verifies = (signature: string, challenge: string) =>
  createVerify('RSA-SHA256').update(challenge, 'utf8').verify({ key: Buffer.from(keys.pkamPublicKey, 'base64'), format: 'der', type: 'spki' }, signature, 'base64');

/** A scripted atServer for Alice; `answers` maps a command line to its reply, by exact text or by a test of it. */
function server(answers: (line: string) => string | undefined) {
  let authenticated = false;
  const transport = scriptedServer(
    (line) => {
      const reply = answers(line);
      if (reply === 'data:success') authenticated = true;
      return reply;
    },
    () => (authenticated ? `${ALICE}@` : '@'),
  );
  return transport;
}

const connected = async (transport: FakeTransport) => AtClient.connect(ADDRESS, { connect: connectorFor(transport), timeoutMs: 5000 });
const commands = (transport: FakeTransport) => transport.sent.map((s) => s.replace(/\n$/, ''));

describe('AtClient authentication', () => {
  it('PKAM: signs exactly the text after data:, sends pkam:<base64>, and knows its atSign', async () => {
    let signature = '';
    const transport = server((line) => {
      if (line === `from:${ALICE}`) return `data:${CHALLENGE}`;
      if (line.startsWith('pkam:')) {
        signature = line.slice('pkam:'.length);
        return verifies(signature, CHALLENGE) ? 'data:success' : 'error:AT0401-Exception: pkam authentication failed';
      }
      return undefined;
    });
    const client = await connected(transport);
    await client.authenticate('Alice🛠', { pkamPrivateKey: keys.pkamPrivateKey });
    expect(client.atSign).toBe(ALICE);
    expect(commands(transport)).toEqual([`from:${ALICE}`, `pkam:${signature}`]);
    expect(verifies(signature, CHALLENGE)).toBe(true);
  });

  it('APKAM: names the algorithms and the enrollment, and signs with a CryptoKey as well', async () => {
    const transport = server((line) => (line.startsWith('from:') ? `data:${CHALLENGE}` : 'data:success'));
    const client = await connected(transport);
    const cryptoKey = await crypto.subtle.importKey('pkcs8', Buffer.from(keys.pkamPrivateKey, 'base64'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    await client.authenticate(ALICE, { pkamPrivateKey: cryptoKey, enrollmentId: 'a1b2c3d4-0000-4000-8000-000000000001', clientConfig: { version: '3.0.38' } });
    const [from, pkam] = commands(transport);
    expect(from).toBe(`from:${ALICE}:clientConfig:{"version":"3.0.38"}`);
    const match = /^pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:a1b2c3d4-0000-4000-8000-000000000001:(.+)$/.exec(pkam ?? '');
    expect(match).not.toBeNull();
    expect(verifies(match?.[1] ?? '', CHALLENGE)).toBe(true);
  });

  it('rejects a refused PKAM as AtServerError, legacy or JSON, and an enrollment’s state by its code', async () => {
    for (const [reply, code] of [
      ['error:AT0401-Exception: pkam authentication failed', 'AT0401'],
      ['error:{"errorCode":"AT0401","errorDescription":"Client authentication failed : pkam authentication failed"}', 'AT0401'],
      ['error:AT0026:enrollment_id: 0d5c is pending', 'AT0026'],
      ['error:AT0025:enrollment_id: 0d5c is denied', 'AT0025'],
    ] as const) {
      const transport = server((line) => (line.startsWith('from:') ? `data:${CHALLENGE}` : reply));
      const client = await connected(transport);
      const error = await rejectionOf(client.authenticate(ALICE, { pkamPrivateKey: keys.pkamPrivateKey, enrollmentId: '0d5c' }));
      expect(error).toBeInstanceOf(AtServerError);
      expect((error as AtServerError).code).toBe(code);
      expect(client.atSign).toBeNull();
    }
  });

  it('refuses to sign a challenge that is not its own atSign’s (another atSign’s server sends a proof:)', async () => {
    const transport = server(() => `data:proof:_8a1b@alice🛠:3c4d`);
    const client = await connected(transport);
    const error = await rejectionOf(client.authenticate(ALICE, { pkamPrivateKey: keys.pkamPrivateKey }));
    expect(error).toMatchObject({ problem: 'malformed' });
    expect((error as Error).message).toMatch(/is this @alice🛠's atServer\?/);
    expect(commands(transport)).toEqual([`from:${ALICE}`]);
  });

  it('CRAM: sends hex SHA-512 of the secret followed by the challenge', async () => {
    const secret = 'b26455a907582760ebf35bc4847de549bc41c24b25c8b1c58d5964f7b4f8a43bc55b0e9a601c9a9657d9a8b8bbc32f88b4e38ffaca03c8710ebae1b14ca9f364';
    const transport = server((line) => (line.startsWith('from:') ? `data:${CHALLENGE}` : 'data:success'));
    const client = await connected(transport);
    await client.authenticateCram(ALICE, secret);
    expect(commands(transport)[1]).toBe(`cram:${createHash('sha512').update(secret + CHALLENGE, 'utf8').digest('hex')}`);
    expect(client.atSign).toBe(ALICE);
  });

  it('refuses an unusable PKAM key without sending pkam', async () => {
    const transport = server(() => `data:${CHALLENGE}`);
    const client = await connected(transport);
    await expect(client.authenticate(ALICE, { pkamPrivateKey: 'bm90IGEga2V5' })).rejects.toMatchObject({ name: 'AtKeysError' });
    await expect(client.authenticate(ALICE, { pkamPrivateKey: 42 as never })).rejects.toMatchObject({ problem: 'bad-input' });
    expect(commands(transport).filter((c) => c.startsWith('pkam'))).toEqual([]);
  });
});

describe('AtClient data verbs', () => {
  const record = JSON.stringify({
    key: `public:signing_key.atwallet${ALICE}`,
    data: 'uXzKq',
    metaData: { createdBy: ALICE, createdAt: '2026-01-01 10:00:00.000Z', ttl: 0, isEncrypted: false, dataSignature: 'c2lnbmF0dXJl', version: 0, isCached: false },
  });
  const answers: Record<string, string> = {
    [`lookup:publickey${ALICE}`]: 'data:MIIBIjANBgkqh',
    [`lookup:all:signing_key.atwallet${ALICE}`]: `data:${record}`,
    [`lookup:meta:signing_key.atwallet${ALICE}`]: `data:${JSON.stringify({ dataSignature: 'c2lnbmF0dXJl', ttl: 0 })}`,
    [`lookup:expired.atwallet${ALICE}`]: 'data:null',
    [`lookup:nothing${ALICE}`]: `error:AT0015-Exception: public:nothing${ALICE} does not exist in keystore`,
    [`update:dataSignature:c2ln:public:signing_key.atwallet${ALICE} uXzKq`]: 'data:17',
    [`update:encoding:base64:note.atwallet${ALICE} ${Buffer.from('a\nb').toString('base64')}`]: 'data:18',
    [`llookup:all:note.atwallet${ALICE}`]: `data:${JSON.stringify({ data: Buffer.from('a\nb').toString('base64'), metaData: { encoding: 'base64' } })}`,
    [`llookup:note.atwallet${ALICE}`]: `data:${Buffer.from('a\nb').toString('base64')}`,
    [`llookup:meta:note.atwallet${ALICE}`]: 'data:{"encoding":"base64","isEncrypted":"yes"}',
    [`delete:note.atwallet${ALICE}`]: 'data:19',
    'scan .atwallet': `data:["public:signing_key.atwallet${ALICE}","note.atwallet${ALICE}"]`,
    scan: 'data:{"not":"a list"}',
    info: 'data:{"version":"3.2.0","uptimeAsWords":"1 minutes 2 seconds"}',
    'noop:0': 'data:ok',
    'otp:get': 'data:7UE4X9',
    'keys:get:keyName:0d5c.default_enc_private_key.__manage@alice🛠': 'data:{"value":"ZW5jcnlwdGVk"}',
    'enroll:request:{"appName":"atwallet","deviceName":"laptop","namespaces":{"atwallet":"rw"},"otp":"7UE4X9","apkamPublicKey":"TUlJQg=="}':
      'data:{"enrollmentId":"0d5c","status":"pending"}',
  };
  const client = () => connected(server((line) => answers[line]));

  it('lookup: the value, null for data:null, AtServerError AT0015 for a missing key', async () => {
    const c = await client();
    await expect(c.lookup(`publickey${ALICE}`)).resolves.toBe('MIIBIjANBgkqh');
    await expect(c.lookup(`expired.atwallet${ALICE}`)).resolves.toBeNull();
    const error = await rejectionOf(c.lookup(`nothing${ALICE}`));
    expect(error).toBeInstanceOf(AtServerError);
    expect(error).toMatchObject({ code: 'AT0015' });
  });

  it('lookupAll and lookupMeta: value and metadata, with the dataSignature', async () => {
    const c = await client();
    await expect(c.lookupAll(`signing_key.atwallet${ALICE}`)).resolves.toEqual({
      key: `public:signing_key.atwallet${ALICE}`,
      value: 'uXzKq',
      metadata: { createdBy: ALICE, createdAt: '2026-01-01 10:00:00.000Z', ttl: 0, isEncrypted: false, dataSignature: 'c2lnbmF0dXJl', version: 0 },
    });
    await expect(c.lookupMeta(`signing_key.atwallet${ALICE}`)).resolves.toEqual({ dataSignature: 'c2lnbmF0dXJl', ttl: 0 });
  });

  it('update and delete answer commit ids; a multi-line value round-trips through base64', async () => {
    const c = await client();
    await expect(c.update(`public:signing_key.atwallet${ALICE}`, 'uXzKq', { dataSignature: 'c2ln' })).resolves.toBe(17);
    await expect(c.update(`note.atwallet${ALICE}`, 'a\nb')).resolves.toBe(18);
    await expect(c.llookupAll(`note.atwallet${ALICE}`)).resolves.toEqual({ value: 'a\nb', metadata: { encoding: 'base64' } });
    await expect(c.llookup(`note.atwallet${ALICE}`)).resolves.toBe(Buffer.from('a\nb').toString('base64'));
    await expect(c.delete(`note.atwallet${ALICE}`)).resolves.toBe(19);
  });

  it('refuses replies that are not what the verb answers', async () => {
    const c = await client();
    await expect(c.llookupMeta(`note.atwallet${ALICE}`)).rejects.toMatchObject({ problem: 'malformed' });
    await expect(c.scan()).rejects.toMatchObject({ problem: 'malformed' });
    // The connection is still usable: the reply was read, only not understood.
    await expect(c.scan('.atwallet')).resolves.toEqual([`public:signing_key.atwallet${ALICE}`, `note.atwallet${ALICE}`]);
  });

  it('info, noop, otp:get, keys:get and enroll:request', async () => {
    const c = await client();
    await expect(c.info()).resolves.toMatchObject({ version: '3.2.0' });
    await expect(c.noop()).resolves.toBeUndefined();
    await expect(c.otpGet()).resolves.toBe('7UE4X9');
    await expect(c.keysGet('0d5c.default_enc_private_key.__manage@alice🛠')).resolves.toBe('{"value":"ZW5jcnlwdGVk"}');
    await expect(
      c.enrollRequest({ appName: 'atwallet', deviceName: 'laptop', namespaces: { atwallet: 'rw' }, otp: '7UE4X9', apkamPublicKey: 'TUlJQg==' }),
    ).resolves.toEqual({ enrollmentId: '0d5c', status: 'pending' });
  });

  it('a key or value that would inject a command is refused, and nothing is written', async () => {
    const transport = server((line) => answers[line]);
    const c = await connected(transport);
    const attempts = [
      c.update(`x.atwallet${ALICE}\ndelete:publickey${ALICE}`, 'v'),
      c.lookup(`publickey${ALICE}\nscan`),
      c.delete(`x${ALICE} extra`),
      c.scan('.*\nupdate:x@alice v'),
      c.keysGet('k\nscan'),
      c.enrollRequest({ appName: 'a', deviceName: 'd', namespaces: { atwallet: 'rw' }, apkamPublicKey: 'TUlJQg==', otp: 'x\ny' }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ problem: 'bad-input' });
    expect(transport.sent).toEqual([]);
    // A value with a newline is not refused: it travels as base64, on one line.
    await c.update(`note.atwallet${ALICE}`, 'a\nb');
    expect(transport.sent).toEqual([`update:encoding:base64:note.atwallet${ALICE} ${Buffer.from('a\nb').toString('base64')}\n`]);
  });
});

describe('AtClient monitor', () => {
  it('yields notifications, refuses further commands, and ends when closed', async () => {
    const transport = server(() => undefined);
    const client = await connected(transport);
    const monitor = await client.monitor({ regex: 'atwallet', since: 1 });
    expect(commands(transport)).toEqual(['monitor:1 atwallet']);
    transport.say(`notification: {"id":"n1","from":"@bob","to":"${ALICE}","key":"${ALICE}:p1.atwallet@bob","value":null,"operation":"update","epochMillis":1700000000001,"messageType":"MessageType.key","isEncrypted":true,"metadata":{"ivNonce":"aXY="}}\n`);
    transport.say('notification: {"id":"-1","key":"statsNotification.@alice🛠","value":"42","operation":"update"}\n');
    const seen: AtNotification[] = [];
    for await (const notification of monitor) {
      seen.push(notification);
      if (seen.length === 2) break;
    }
    expect(seen.map((n) => [n.id, n.key, n.operation, n.isEncrypted])).toEqual([
      ['n1', `${ALICE}:p1.atwallet@bob`, 'update', true],
      ['-1', 'statsNotification.@alice🛠', 'update', false],
    ]);
    expect(seen[0]).toMatchObject({ from: '@bob', epochMillis: 1700000000001, metadata: { ivNonce: 'aXY=' } });
    // Leaving the loop closed it.
    expect(transport.closedByClient).toBe(true);
    await expect(client.scan()).rejects.toMatchObject({ problem: 'closed' });
  });

  it('ends with the server’s error when it refuses the monitor, and with an error when the connection drops', async () => {
    const refused = server(() => undefined);
    const monitor = await (await connected(refused)).monitor();
    refused.say('error:AT0401-Exception: Failed to execute verb. monitor requires authentication\n@');
    await expect(monitor.next()).rejects.toMatchObject({ code: 'AT0401' });

    const dropped = server(() => undefined);
    const client = await connected(dropped);
    const second = await client.monitor();
    await expect(client.scan()).rejects.toMatchObject({ problem: 'wrong-state' });
    const waiting = second.next();
    dropped.hangUp(new Error('ECONNRESET'));
    await expect(waiting).rejects.toMatchObject({ problem: 'closed' });
  });

  it('ends with malformed on a notification that is not JSON', async () => {
    const transport = server(() => undefined);
    const monitor = await (await connected(transport)).monitor('.atwallet');
    expect(commands(transport)).toEqual(['monitor .atwallet']);
    transport.say('notification: {oops\n');
    await expect(monitor.next()).rejects.toMatchObject({ problem: 'malformed' });
    expect(transport.closedByClient).toBe(true);
  });
});

describe('AtClient.connect', () => {
  it('times out a connector that never connects, and closes a transport that opens too late', async () => {
    vi.useFakeTimers();
    let open: (transport: FakeTransport) => void = () => {};
    const slow: AtConnector = () => new Promise((resolve) => (open = resolve));
    const outcome = rejectionOf(AtClient.connect(ADDRESS, { connect: slow, timeoutMs: 2000 }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await outcome).toMatchObject({ problem: 'timeout' });
    const late = new FakeTransport();
    open(late);
    await vi.advanceTimersByTimeAsync(0);
    expect(late.closedByClient).toBe(true);
  });

  it('refuses to start without a connector, or with a deadline that is not a positive whole number', async () => {
    const error = await rejectionOf(AtClient.connect(ADDRESS, {} as never));
    expect(error).toBeInstanceOf(AtClientError);
    expect(error).toMatchObject({ problem: 'bad-input' });
    const connect = vi.fn<AtConnector>();
    await expect(AtClient.connect(ADDRESS, { connect, timeoutMs: 0 })).rejects.toMatchObject({ problem: 'bad-input' });
    expect(connect).not.toHaveBeenCalled();
  });

  it('says goodbye with @exit and resolves once the server hangs up', async () => {
    const transport = server(() => undefined);
    transport.onCommand = (line) => {
      if (line === '@exit') transport.hangUp();
    };
    const client = await connected(transport);
    await client.exit();
    expect(commands(transport)).toEqual(['@exit']);
    expect(client.closed).toBe(true);
  });
});
