// The Node TLS transport against real TLS servers on 127.0.0.1: ALPN, SNI,
// certificate verification that is never off, and every way to not connect.
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer, type TLSSocket, type TlsOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtClient, AtClientError } from '@/src/atplatform';
import { AT_PROTOCOL_ALPN, tlsConnector } from '@/src/atplatform/transports/node-tls';
import { createTestCa, type TestCa } from '../../../testing/atplatform/ca.mjs';
import { rejectionOf } from './support/fake-transport';

let ca: TestCa;
let leaf: { certPem: string; keyPem: string };
const servers: Array<TlsServer | NetServer> = [];
/** Every TCP connection any server here accepted, so teardown can drop them all. */
const sockets = new Set<Socket>();

function track<T extends TlsServer | NetServer>(server: T): T {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  ca = await createTestCa();
  leaf = await ca.issue({ hosts: ['localhost'], ips: ['127.0.0.1'] });
}, 60_000);

afterAll(async () => {
  const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
  for (const socket of sockets) socket.destroy();
  await Promise.all(closed);
});

interface Seen {
  alpn: string | false | null;
  servername: string | false | null;
  received: string;
}

/** A TLS server greeting "@" and answering each line with `answer(line)`. */
async function atServer(options: Partial<TlsOptions> = {}, answer: (line: string, socket: TLSSocket) => string | null = () => 'data:ok\n@') {
  const seen: Seen = { alpn: null, servername: null, received: '' };
  const server = createTlsServer({ key: leaf.keyPem, cert: leaf.certPem, ALPNProtocols: [AT_PROTOCOL_ALPN], ...options }, (socket) => {
    seen.alpn = socket.alpnProtocol;
    seen.servername = (socket as TLSSocket & { servername: string | false }).servername;
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.write('@');
    let buffer = '';
    socket.on('data', (text: string) => {
      seen.received += text;
      buffer += text;
      for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
        const reply = answer(buffer.slice(0, nl), socket);
        buffer = buffer.slice(nl + 1);
        if (reply !== null) socket.write(reply);
      }
    });
  });
  server.on('tlsClientError', () => {});
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, seen };
}

async function listeningNet(onSocket: (socket: Socket) => void = () => {}) {
  const server = track(createNetServer(onSocket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const problemOf = (error: unknown) => (error instanceof AtClientError ? error.problem : error);

describe('tlsConnector', () => {
  it('offers ALPN atProtocol/1.0, sends no SNI for an IP, and carries the protocol both ways', async () => {
    const { port, seen } = await atServer({}, (line) => (line === 'info' ? 'data:{"version":"3.2.0"}\n@' : 'error:AT0003-Invalid syntax\n@'));
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: tlsConnector({ ca: ca.certPem }), timeoutMs: 10_000 });
    await expect(client.info()).resolves.toEqual({ version: '3.2.0' });
    await expect(client.noop()).rejects.toMatchObject({ code: 'AT0003' });
    client.close();
    expect(seen.alpn).toBe(AT_PROTOCOL_ALPN);
    expect(seen.servername).toBe(false);
    expect(seen.received).toBe('info\nnoop:0\n');
  });

  it('sends SNI for a host name, and verifies the certificate against it', async () => {
    const { port, seen } = await atServer();
    const client = await AtClient.connect({ host: 'localhost', port }, { connect: tlsConnector({ ca: [ca.certPem] }), timeoutMs: 10_000 });
    await client.noop();
    client.close();
    expect(seen.servername).toBe('localhost');
  });

  it('accepts a server that negotiates no ALPN (an older atServer)', async () => {
    const { port } = await atServer({ ALPNProtocols: undefined });
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: tlsConnector({ ca: ca.certPem }) });
    await expect(client.noop()).resolves.toBeUndefined();
    client.close();
  });

  it('refuses a certificate it cannot verify: an unknown CA, or a name the certificate does not hold', async () => {
    const { port } = await atServer();
    const untrusted = await rejectionOf(tlsConnector()({ host: '127.0.0.1', port }));
    expect(problemOf(untrusted)).toBe('unreachable');
    expect((untrusted as Error).cause).toMatchObject({ code: expect.stringMatching(/CERT|SIGNATURE|ISSUER/) });

    const other = await ca.issue({ hosts: ['elsewhere.example'], ips: [] });
    const wrongName = await atServer({ key: other.keyPem, cert: other.certPem });
    const mismatch = await rejectionOf(tlsConnector({ ca: ca.certPem })({ host: '127.0.0.1', port: wrongName.port }));
    expect(problemOf(mismatch)).toBe('unreachable');
    expect((mismatch as Error).cause).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('refuses a server that speaks only another protocol by ALPN', async () => {
    const { port } = await atServer({ ALPNProtocols: ['http/1.1'] });
    expect(problemOf(await rejectionOf(tlsConnector({ ca: ca.certPem })({ host: '127.0.0.1', port })))).toBe('unreachable');
  });

  it('reports a refused connection as unreachable', async () => {
    const port = await listeningNet();
    const gone = servers.pop();
    await new Promise<void>((resolve) => (gone ? gone.close(() => resolve()) : resolve()));
    const error = await rejectionOf(tlsConnector({ ca: ca.certPem })({ host: '127.0.0.1', port }));
    expect(problemOf(error)).toBe('unreachable');
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('times out a TCP server that never answers the TLS handshake', async () => {
    const port = await listeningNet();
    const error = await rejectionOf(tlsConnector({ ca: ca.certPem, timeoutMs: 300 })({ host: '127.0.0.1', port }));
    expect(problemOf(error)).toBe('timeout');
  });

  it('times out a TLS server that never says hello, and one that never answers a command', async () => {
    const { port } = await atServer({}, () => null);
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: tlsConnector({ ca: ca.certPem }), timeoutMs: 300 });
    expect(problemOf(await rejectionOf(client.info()))).toBe('timeout');
    expect(client.closed).toBe(true);

    const mute = track(createTlsServer({ key: leaf.keyPem, cert: leaf.certPem }, (socket) => socket.on('error', () => {})));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const mutePort = (mute.address() as { port: number }).port;
    const greeting = await rejectionOf(AtClient.connect({ host: '127.0.0.1', port: mutePort }, { connect: tlsConnector({ ca: ca.certPem }), timeoutMs: 300 }));
    expect(problemOf(greeting)).toBe('timeout');
  });

  it('reassembles a character whose UTF-8 bytes arrive in two packets', async () => {
    const { port } = await atServer({}, (_line, socket) => {
      const bytes = Buffer.from('data:@alice🛠\n@', 'utf8');
      const cut = bytes.indexOf(Buffer.from('🛠', 'utf8')) + 2;
      socket.write(bytes.subarray(0, cut));
      setTimeout(() => socket.write(bytes.subarray(cut)), 20);
      return null;
    });
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: tlsConnector({ ca: ca.certPem }) });
    await expect(client.lookup('publickey@alice🛠')).resolves.toBe('@alice🛠');
    client.close();
  });

  it('fails the command in flight when the server hangs up', async () => {
    const { port } = await atServer({}, (_line, socket) => {
      socket.end();
      return null;
    });
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: tlsConnector({ ca: ca.certPem }) });
    expect(problemOf(await rejectionOf(client.scan()))).toBe('closed');
  });

  it('refuses a timeout that is not a positive whole number', () => {
    expect(() => tlsConnector({ timeoutMs: -1 })).toThrow(AtClientError);
  });
});
