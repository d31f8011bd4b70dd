// The WebSocket transport against a real wss:// server on 127.0.0.1 (the `ws`
// package on both ends, as a browser's WebSocket would be in the wallet):
// always wss://host:port/ws, one command per text frame, replies as frames.
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket, WebSocketServer } from 'ws';
import { AtClient, AtClientError, webSocketConnector, webSocketUrl, type WebSocketConstructor } from '@/src/atplatform';
import { createTestCa, type TestCa } from '../../../testing/atplatform/ca.mjs';
import { rejectionOf } from './support/fake-transport';

let ca: TestCa;
let leaf: { certPem: string; keyPem: string };
const servers: Server[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  ca = await createTestCa();
  leaf = await ca.issue();
}, 60_000);

afterAll(async () => {
  const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
  for (const socket of sockets) socket.destroy();
  await Promise.all(closed);
});

/** The `ws` client, trusting the test CA (a browser would have the CA installed instead). */
function trusting(caPem: string | undefined): WebSocketConstructor {
  return class extends WsWebSocket {
    constructor(url: string) {
      super(url, caPem === undefined ? {} : { ca: caPem });
    }
  };
}

interface Seen {
  paths: string[];
  frames: string[];
}

/** An atServer's /ws door: "@" on upgrade, then `answer(frame)` for each text frame. */
async function wsDoor(answer: (frame: string, socket: WsWebSocket) => string | null = () => 'data:ok\n@') {
  const seen: Seen = { paths: [], frames: [] };
  const server = createServer({ key: leaf.keyPem, cert: leaf.certPem });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const doors = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    seen.paths.push(request.url ?? '');
    if (request.url !== '/ws') return socket.destroy();
    doors.handleUpgrade(request, socket, head, (ws) => {
      ws.send('@');
      ws.on('message', (data, isBinary) => {
        const frame = isBinary ? '<binary>' : data.toString();
        seen.frames.push(frame);
        const reply = answer(frame, ws);
        if (reply !== null) ws.send(reply);
      });
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, seen };
}

const problemOf = (error: unknown) => (error instanceof AtClientError ? error.problem : error);

describe('webSocketConnector', () => {
  it('opens wss://host:port/ws and sends each command as its own text frame', async () => {
    const { port, seen } = await wsDoor((frame) => (frame === 'info\n' ? 'data:{"version":"3.2.0"}\n@' : 'data:ok\n@'));
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: webSocketConnector({ WebSocket: trusting(ca.certPem) }) });
    await expect(client.info()).resolves.toEqual({ version: '3.2.0' });
    await client.noop();
    await client.noop();
    client.close();
    expect(seen.paths).toEqual(['/ws']);
    expect(seen.frames).toEqual(['info\n', 'noop:0\n', 'noop:0\n']);
  });

  it('builds only wss:// URLs, with brackets for IPv6', () => {
    expect(webSocketUrl({ host: '127.0.0.1', port: 6464 })).toBe('wss://127.0.0.1:6464/ws');
    expect(webSocketUrl({ host: 'vip.ve.atsign.zone', port: 1025 })).toBe('wss://vip.ve.atsign.zone:1025/ws');
    expect(webSocketUrl({ host: '::1', port: 6464 })).toBe('wss://[::1]:6464/ws');
  });

  it('fails the command in flight when the server closes the socket', async () => {
    const { port } = await wsDoor((_frame, ws) => {
      ws.close(1011, 'going away');
      return null;
    });
    const client = await AtClient.connect({ host: '127.0.0.1', port }, { connect: webSocketConnector({ WebSocket: trusting(ca.certPem) }) });
    const closes: Array<Error | undefined> = [];
    client.onClose((error) => closes.push(error));
    expect(problemOf(await rejectionOf(client.scan()))).toBe('closed');
    expect(problemOf(closes[0])).toBe('closed');
  });

  it('refuses a server whose certificate it does not trust, and a refused connection', async () => {
    const { port } = await wsDoor();
    expect(problemOf(await rejectionOf(webSocketConnector({ WebSocket: trusting(undefined) })({ host: '127.0.0.1', port })))).toBe('unreachable');
    const refusing = createServer();
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const closedPort = (refusing.address() as { port: number }).port;
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    expect(problemOf(await rejectionOf(webSocketConnector({ WebSocket: trusting(ca.certPem) })({ host: '127.0.0.1', port: closedPort })))).toBe('unreachable');
  });

  it('times out a door that never says hello', async () => {
    const { port } = await wsDoor();
    const silent = createServer({ key: leaf.keyPem, cert: leaf.certPem });
    const doors = new WebSocketServer({ server: silent, path: '/ws' });
    doors.on('connection', () => {});
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    const error = await rejectionOf(
      AtClient.connect({ host: '127.0.0.1', port: silentPort }, { connect: webSocketConnector({ WebSocket: trusting(ca.certPem) }), timeoutMs: 300 }),
    );
    expect(problemOf(error)).toBe('timeout');
    expect(port).toBeGreaterThan(0);
    for (const client of doors.clients) client.terminate();
  });

  it('needs a WebSocket to exist', () => {
    const saved = (globalThis as { WebSocket?: unknown }).WebSocket;
    (globalThis as { WebSocket?: unknown }).WebSocket = undefined;
    try {
      expect(() => webSocketConnector()).toThrow(/No WebSocket is available/);
    } finally {
      (globalThis as { WebSocket?: unknown }).WebSocket = saved;
    }
  });
});
