// One atServer's network: its single TLS port and the three doors behind it,
// chosen as at_secondary's _listen chooses them — ALPN `atProtocol/1.0` or
// none → the raw line protocol; anything else (`http/1.1`) → an HTTP server,
// where `/ws` upgrades to a WebSocket carrying the same protocol and every
// other path is an HTTPS GET of public data. Like the real server it asks
// each client for a certificate without requiring one. It can be stopped and
// started again on the same port, its core (and so its data) kept.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { answer, send, splitTarget, toRawHttp } from './http-answer.mjs';
import { answerPublicHttp } from './public-http.mjs';
import { serveRawSession, serveWebSocketSession } from './session-doors.mjs';
import { createTlsListener } from './tls-listener.mjs';

/** The server's ALPN list, in its order. */
export const AT_SERVER_ALPN = ['atProtocol/1.0', 'http/1.1'];

function reportToStderr(error) {
  process.stderr.write(`atplatform: a connection was dropped: ${error instanceof Error ? error.stack : String(error)}\n`);
}

/**
 * @param {{
 *   core: { atSign: string, openSession: Function, publicLookup: Function },
 *   key: string, cert: string, ca: string,
 *   host?: string, port?: number,
 *   onError?: (error: unknown) => void,
 * }} options `ca`: the CA whose client certificates are accepted; `onError`: told when the core
 *   throws on a connection's input (that connection is dropped)
 */
export function createAtServerDoors(options) {
  const { core, key, cert, ca, host = '127.0.0.1', onError = reportToStderr } = options;
  const remoteOf = (socket) => `${socket.remoteAddress}:${socket.remotePort}`;

  // Dart's WebSocket server compresses when the client offers permessage-deflate; so does this one.
  const webSockets = new WebSocketServer({ noServer: true, perMessageDeflate: true });
  const http = createServer((req, res) => {
    // A plain GET of /ws is not an upgrade: Dart's WebSocketTransformer answers 400.
    if (splitTarget(req.url ?? '/').path === '/ws') send(res, answer(400));
    else send(res, answerPublicHttp(req, core));
  });
  http.on('upgrade', (req, socket, head) => {
    if (splitTarget(req.url ?? '/').path !== '/ws') {
      // Only /ws upgrades; anywhere else the request is answered as the GET it also is.
      socket.end(toRawHttp(answerPublicHttp(req, core)));
      return;
    }
    webSockets.handleUpgrade(req, socket, head, (ws) => serveWebSocketSession(ws, remoteOf(socket), core, onError));
  });

  const listener = createTlsListener({
    key,
    cert,
    host,
    ALPNProtocols: AT_SERVER_ALPN,
    clientCa: ca,
    onSocket(socket) {
      const protocol = socket.alpnProtocol;
      if (!protocol || protocol === 'atProtocol/1.0') serveRawSession(socket, core, onError);
      else http.emit('connection', socket);
    },
  });

  return {
    atSign: core.atSign,
    host,
    core,
    get port() {
      return listener.port;
    },
    get address() {
      return `${host}:${listener.port}`;
    },
    get running() {
      return listener.listening;
    },
    /** Listens: the first time on `options.port` (0: the OS picks), after that on the same port again. */
    async start() {
      await listener.listen(listener.port === 0 ? (options.port ?? 0) : listener.port);
    },
    /** Closes the port and drops every connection; the core and its data stay. */
    stop: () => listener.close(),
  };
}
