// The atServer's one TLS port and its line doors, over real TLS with the
// test CA, in front of a fake core: ALPN atProtocol/1.0 or none → the raw
// line protocol; http/1.1 + /ws → a WebSocket, one reply per text frame
// (the HTTPS GET door is in doors-https.test.ts). Also: clients that do not
// trust the CA are refused, client certificates are asked for, and the
// server stops and starts on the same port with its core kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../../../testing/atplatform/ca.mjs';
import { AT_SERVER_ALPN, createAtServerDoors, type AtServerDoors } from '../../../../testing/atplatform/doors.mjs';
import { createFakeCore, type FakeCore } from './fake-core';
import { httpsGet, openLines, openWebSocket, prompted } from './support';

const ATSIGN = '@alice🛠';
let ca: TestCa;
let core: FakeCore;
let server: AtServerDoors<FakeCore>;
const errors: unknown[] = [];

beforeAll(async () => {
  ca = await createTestCa();
  core = createFakeCore(ATSIGN);
  core.publicData.set('publickey', { value: 'MIIBIjANBgkq', metadata: {} });
  const leaf = await ca.issue();
  server = createAtServerDoors({ core, key: leaf.keyPem, cert: leaf.certPem, ca: ca.certPem, onError: (error) => errors.push(error) });
  await server.start();
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

describe('the raw door (ALPN atProtocol/1.0, or none)', () => {
  it('greets with @ and answers a command', async () => {
    const client = await openLines(server.address, { ca: ca.certPem, ALPNProtocols: ['atProtocol/1.0'] });
    expect(client.socket.alpnProtocol).toBe('atProtocol/1.0');
    expect(await client.read(prompted)).toBe('@');
    client.send('info\n');
    expect(await client.read(prompted)).toBe('data:info\n@');
    client.close();
  });

  it('takes a client that offers no ALPN, and passes text split anywhere, even inside a character', async () => {
    const client = await openLines(server.address, { ca: ca.certPem });
    expect(client.socket.alpnProtocol).toBe(false);
    expect(await client.read(prompted)).toBe('@');
    const bytes = Buffer.from(`lookup:publickey${ATSIGN}\n`, 'utf8');
    const cut = bytes.length - 3; // inside the 4-byte 🛠
    client.socket.write(bytes.subarray(0, cut));
    client.socket.write(bytes.subarray(cut));
    expect(await client.read(prompted)).toBe(`data:lookup:publickey${ATSIGN}\n@`);
    client.close();
  });

  it('closes when the core closes, after the last reply', async () => {
    const client = await openLines(server.address, { ca: ca.certPem });
    await client.read(prompted);
    client.send('bye\n');
    expect(await client.read(prompted)).toBe('data:bye\n@');
    await client.closed;
  });

  it('drops only the connection whose input the core fails on', async () => {
    const client = await openLines(server.address, { ca: ca.certPem });
    await client.read(prompted);
    client.send('boom\n');
    await client.closed;
    expect(errors.length).toBeGreaterThan(0);
    const other = await openLines(server.address, { ca: ca.certPem });
    expect(await other.read(prompted)).toBe('@');
    other.close();
  });

  it('tells the core who connected', async () => {
    const client = await openLines(server.address, { ca: ca.certPem });
    await client.read(prompted);
    expect(core.remotes.at(-1)).toBe(`127.0.0.1:${client.socket.localPort}`);
    client.close();
  });
});

describe('the WebSocket door (ALPN http/1.1, /ws)', () => {
  it('greets with a frame "@" and sends each reply as one text frame', async () => {
    const client = await openWebSocket(server.address, ca.certPem);
    expect(await client.next()).toBe('@');
    client.ws.send('noop:0\n');
    expect(await client.next()).toBe('data:noop:0\n@');
    // Two commands in one frame are two replies, two frames.
    client.ws.send('scan\nlookup:publickey@alice🛠\n');
    expect(await client.next()).toBe('data:scan\n@');
    expect(await client.next()).toBe('data:lookup:publickey@alice🛠\n@');
    client.ws.close();
    await client.closed;
  });

  it('closes the WebSocket when the core closes, and ends the session', async () => {
    const client = await openWebSocket(server.address, ca.certPem);
    await client.next();
    client.ws.send('bye\n');
    expect(await client.next()).toBe('data:bye\n@');
    expect((await client.closed).code).toBe(1005);
    const remote = core.remotes.at(-1);
    await expect.poll(() => core.endedRemotes, { timeout: 10_000 }).toContain(remote);
  });

  it('is not reached without ALPN http/1.1: such a client gets the raw door, as on the real server', async () => {
    await expect(openWebSocket(server.address, ca.certPem, null)).rejects.toThrow();
  });

  it('answers a plain GET of /ws (no upgrade) with 400', async () => {
    const reply = await httpsGet(server.address, '/ws', ca.certPem);
    expect(reply.status).toBe(400);
  });
});

describe('TLS', () => {
  it('offers the real server ALPN list, in its order', () => {
    expect(AT_SERVER_ALPN).toEqual(['atProtocol/1.0', 'http/1.1']);
  });

  it('refuses a client that does not trust the test CA', async () => {
    await expect(openLines(server.address, {})).rejects.toThrow(/certificate|self.signed|issuer/i);
    const stranger = await createTestCa();
    await expect(openLines(server.address, { ca: stranger.certPem })).rejects.toThrow(/certificate|self.signed|issuer/i);
  });

  it('asks for a client certificate: one from the test CA is fine, one from elsewhere is dropped', async () => {
    const ours = await ca.issue({ clientAuth: true, serverAuth: false, commonName: 'a client' });
    const good = await openLines(server.address, { ca: ca.certPem, cert: ours.certPem, key: ours.keyPem });
    expect(await good.read(prompted)).toBe('@');
    good.close();

    const stranger = await createTestCa();
    const theirs = await stranger.issue({ clientAuth: true, serverAuth: false });
    // The client sends a certificate only when asked: being dropped shows the server asked, and checked.
    const bad = await openLines(server.address, { ca: ca.certPem, cert: theirs.certPem, key: theirs.keyPem }).catch((error: Error) => error);
    if (!(bad instanceof Error)) {
      await bad.closed;
      expect(bad.pending).toBe('');
    }
  });
});

describe('stop() and start()', () => {
  it('drops every connection, frees the port, and comes back on the same port with the same core', async () => {
    const port = server.port;
    const raw = await openLines(server.address, { ca: ca.certPem });
    await raw.read(prompted);
    const ws = await openWebSocket(server.address, ca.certPem);
    await ws.next();
    const sessions = [`127.0.0.1:${raw.socket.localPort}`, core.remotes.at(-1)];

    await server.stop();
    expect(server.running).toBe(false);
    await raw.closed;
    await ws.closed;
    await expect.poll(() => core.endedRemotes, { timeout: 10_000 }).toEqual(expect.arrayContaining(sessions));
    await expect(openLines(server.address, { ca: ca.certPem })).rejects.toThrow(/ECONNREFUSED/);

    await server.start();
    expect(server.port).toBe(port);
    const again = await openLines(server.address, { ca: ca.certPem });
    expect(await again.read(prompted)).toBe('@');
    again.close();
    expect((await httpsGet(server.address, '/publickey', ca.certPem)).text).toBe('MIIBIjANBgkq');
  });
});
