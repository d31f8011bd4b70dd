// The local root directory: where each atSign's atServer runs. One TLS port:
// the line protocol (root-lines.mjs) for any client that does not ask for
// HTTP, and the HTTPS answer (root-https.mjs) when ALPN picks `http/1.1`.
// The real root serves HTTPS on a port of its own (httpsPort, 443, off by
// default); here it shares the one port, because a local atPlatform has one
// root address — see README.md.
import { createServer } from 'node:http';
import { send } from './http-answer.mjs';
import { answerRootHttp } from './root-https.mjs';
import { serveRootLines } from './root-lines.mjs';
import { createTlsListener } from './tls-listener.mjs';

/** How late the root answers a connection's 2nd and later misses (at_root_server waits 3 s). */
export const ROOT_MISS_DELAY_MS = 3000;

/**
 * Starts a root.
 * @param {{
 *   directory: Map<string, string>,
 *   key: string, cert: string,
 *   host?: string, port?: number, missDelayMs?: number,
 * }} options `directory`: an atSign without its `@` (`alice🛠`) → its atServer's `host:port`
 *   (read at each lookup, so it may change while the root runs)
 */
export async function startRoot(options) {
  const { directory, key, cert, host = '127.0.0.1', port = 0, missDelayMs = ROOT_MISS_DELAY_MS } = options;
  if (!(directory instanceof Map)) throw new TypeError('startRoot: directory must be a Map of atSign (without @) → host:port.');
  const lookup = (name) => directory.get(name) ?? null;

  const http = createServer((req, res) => send(res, answerRootHttp(req, lookup)));
  const listener = createTlsListener({
    key,
    cert,
    host,
    // The real root offers no ALPN at all; `atProtocol/1.0` is accepted so a client that offers it
    // (as it would to an atServer) gets the line protocol rather than a failed handshake.
    ALPNProtocols: ['atProtocol/1.0', 'http/1.1'],
    onSocket(socket) {
      if (socket.alpnProtocol === 'http/1.1') http.emit('connection', socket);
      else serveRootLines(socket, lookup, missDelayMs);
    },
  });
  await listener.listen(port);
  return {
    host,
    get port() {
      return listener.port;
    },
    get address() {
      return `${host}:${listener.port}`;
    },
    stop: () => listener.close(),
  };
}
