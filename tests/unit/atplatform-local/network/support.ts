// Clients for the local atPlatform's network tests: a TLS line client that
// reads until a reply is whole, an HTTPS GET, and a WebSocket — each given
// the test CA explicitly (verification is never turned off).
import { request, type RequestOptions } from 'node:https';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import WebSocket, { type ClientOptions } from 'ws';

export function split(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}

export interface LineClient {
  socket: TLSSocket;
  /** Text received so far and not yet read. */
  readonly pending: string;
  /** Resolves with everything received once `whole` says it is whole; rejects if the connection closes first. */
  read(whole: (text: string) => boolean): Promise<string>;
  send(text: string): void;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
  close(): void;
}

export interface TlsOptions {
  ca?: string;
  ALPNProtocols?: string[];
  cert?: string;
  key?: string;
}

/** Opens TLS to `address` (checked against `ca`) and resolves once the handshake is done. */
export function openLines(address: string, options: TlsOptions): Promise<LineClient> {
  const { host, port } = split(address);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: 'localhost', ...options });
    let received = '';
    let waiter: { whole: (text: string) => boolean; resolve: (text: string) => void; reject: (error: Error) => void } | null = null;
    let ended = false;
    const check = () => {
      if (waiter && waiter.whole(received)) {
        const { resolve: done } = waiter;
        waiter = null;
        const text = received;
        received = '';
        done(text);
      } else if (waiter && ended) {
        const { reject: fail } = waiter;
        waiter = null;
        fail(new Error(`The connection closed before a whole reply; received ${JSON.stringify(received)}`));
      }
    };
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      check();
    });
    socket.on('close', () => {
      ended = true;
      check();
    });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      socket.off('error', reject);
      socket.on('error', () => {});
      resolve({
        socket,
        get pending() {
          return received;
        },
        read(whole) {
          return new Promise((done, fail) => {
            waiter = { whole, resolve: done, reject: fail };
            check();
          });
        },
        send: (text) => void socket.write(text),
        closed,
        close: () => socket.destroy(),
      });
    });
  });
}

/** A reply ending in a prompt: `@` before authentication, `@alice@` after. */
export const prompted = (text: string) => text.endsWith('@');

export interface HttpsReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** One HTTPS request over ALPN http/1.1 (what a browser's fetch offers), trusting `ca`. */
export function httpsGet(address: string, path: string, ca: string, method = 'GET'): Promise<HttpsReply> {
  const { host, port } = split(address);
  return new Promise((resolve, reject) => {
    // Node's https offers no ALPN unless told; a browser offers h2 and http/1.1.
    const options: RequestOptions & ConnectionOptions = { host, port, path, method, ca, servername: 'localhost', ALPNProtocols: ['http/1.1'], agent: false };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface FrameClient {
  ws: WebSocket;
  /** The next text frame (frames are queued as they arrive). */
  next(): Promise<string>;
  closed: Promise<{ code: number }>;
}

/** A WebSocket to `wss://address/ws` offering ALPN `alpn` (null: none), trusting `ca`; resolves once open. */
export function openWebSocket(address: string, ca: string, alpn: string[] | null = ['http/1.1']): Promise<FrameClient> {
  // The ws client hands these to tls.connect.
  const options: ClientOptions & ConnectionOptions = { ca, servername: 'localhost', ...(alpn === null ? {} : { ALPNProtocols: alpn }) };
  const ws = new WebSocket(`wss://${address}/ws`, options);
  const frames: string[] = [];
  const waiting: Array<(frame: string) => void> = [];
  ws.on('message', (data, isBinary) => {
    const frame = isBinary ? `<binary ${String(data)}>` : String(data);
    const taker = waiting.shift();
    if (taker) taker(frame);
    else frames.push(frame);
  });
  const closed = new Promise<{ code: number }>((done) => ws.on('close', (code) => done({ code })));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.on('error', () => {});
      resolve({
        ws,
        next: () => {
          const frame = frames.shift();
          return frame === undefined ? new Promise((done) => waiting.push(done)) : Promise.resolve(frame);
        },
        closed,
      });
    });
  });
}
