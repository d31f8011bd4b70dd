// The two doors that carry the atProtocol's lines to the atServer's core: a
// raw TLS socket (ALPN `atProtocol/1.0`, or none), and a WebSocket at `/ws`
// (ALPN `http/1.1`), where each reply the core writes goes out as one text
// frame, as at_secondary's InboundWebSocketConnection sends them. The core
// does the protocol; these only move text and report when the peer leaves.
import { StringDecoder } from 'node:string_decoder';
import WebSocket from 'ws';

/** Feeds text to a session, dropping the connection (never the server) if the core throws. */
function feeder(session, drop, onError) {
  return (text) => {
    if (text === '') return;
    try {
      session.receive(text);
    } catch (error) {
      onError(error);
      drop();
    }
  };
}

/**
 * @param {import('node:tls').TLSSocket} socket
 * @param {{ openSession(io: { write(text: string): void, close(): void, remote?: string }): { receive(text: string): void, end(): void } }} core
 * @param {(error: unknown) => void} onError
 */
export function serveRawSession(socket, core, onError) {
  // Text may arrive split inside a character; the decoder holds the part until the rest comes.
  const decoder = new StringDecoder('utf8');
  const session = core.openSession({
    write(text) {
      if (!socket.destroyed && socket.writable) socket.write(text);
    },
    // Whatever is queued is sent first, then the connection closes, as the server's socket.destroy() after a reply.
    close: () => socket.destroySoon(),
    remote: `${socket.remoteAddress}:${socket.remotePort}`,
  });
  const feed = feeder(session, () => socket.destroy(), onError);
  let ended = false;
  socket.on('data', (chunk) => feed(decoder.write(chunk)));
  socket.on('close', () => {
    if (ended) return;
    ended = true;
    session.end();
  });
}

/**
 * @param {WebSocket} ws
 * @param {string} remote
 * @param {Parameters<typeof serveRawSession>[1]} core
 * @param {(error: unknown) => void} onError
 */
export function serveWebSocketSession(ws, remote, core, onError) {
  const session = core.openSession({
    write(text) {
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    // The server closes without a status code (Dart's ws.close()).
    close: () => ws.close(),
    remote,
  });
  const feed = feeder(session, () => ws.terminate(), onError);
  // A frame is whole, so each one is decoded on its own; a binary frame is taken as UTF-8 text too,
  // since the server's listener appends either kind to the same byte buffer.
  ws.on('message', (data) => feed(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data).toString('utf8')));
  ws.on('error', () => ws.terminate());
  ws.on('close', () => session.end());
}
