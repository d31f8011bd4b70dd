// One TLS port that can be closed and opened again on the same port number,
// dropping every connection when it closes — what the root and each atServer
// stand on. Verification stays on for everyone: the certificate comes from
// the test CA, and clients must trust that CA to connect.
import { createServer } from 'node:tls';

/**
 * @param {{
 *   key: string, cert: string, host: string,
 *   ALPNProtocols: string[],
 *   clientCa?: string,
 *   onSocket: (socket: import('node:tls').TLSSocket) => void,
 * }} options `clientCa`: ask every client for a certificate (optional for the client) and
 *   accept only those this CA issued, as the atServer does
 */
export function createTlsListener(options) {
  const { key, cert, host, ALPNProtocols, clientCa, onSocket } = options;
  /** Every TCP connection, handshaken or not, so closing drops them all. */
  const connections = new Set();
  let server = null;
  let port = 0;

  function open() {
    const tlsServer = createServer({
      key,
      cert,
      ALPNProtocols,
      // A certificate is requested but not required; one that is presented must verify (below).
      ...(clientCa === undefined ? {} : { requestCert: true, rejectUnauthorized: false, ca: [clientCa] }),
    });
    tlsServer.on('connection', (raw) => {
      connections.add(raw);
      raw.on('close', () => connections.delete(raw));
    });
    // A client that does not trust the CA, or speaks no TLS, fails here: nothing to do but let it go.
    tlsServer.on('tlsClientError', () => {});
    tlsServer.on('secureConnection', (socket) => {
      // Errors after the handshake (a reset, a write after the peer left) end that connection only.
      socket.on('error', () => socket.destroy());
      if (clientCa !== undefined && !socket.authorized && Object.keys(socket.getPeerCertificate()).length > 0) {
        socket.destroy();
        return;
      }
      onSocket(socket);
    });
    return tlsServer;
  }

  return {
    get port() {
      return port;
    },
    get listening() {
      return server !== null;
    },
    /** Listens on `port` (0: one the OS picks, remembered for the next time). */
    listen(requested = port) {
      if (server !== null) return Promise.resolve(port);
      const tlsServer = open();
      return new Promise((resolve, reject) => {
        tlsServer.once('error', reject);
        tlsServer.listen({ port: requested, host, exclusive: true }, () => {
          tlsServer.off('error', reject);
          server = tlsServer;
          port = tlsServer.address().port;
          resolve(port);
        });
      });
    },
    /** Stops listening and drops every connection; resolves once the port is free. */
    close() {
      const tlsServer = server;
      if (tlsServer === null) return Promise.resolve();
      server = null;
      return new Promise((resolve) => {
        tlsServer.close(() => resolve());
        for (const raw of connections) raw.destroy();
        connections.clear();
      });
    },
  };
}
