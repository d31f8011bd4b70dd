// The atProtocol over a Node TLS socket, for the SDK on a server: ALPN
// `atProtocol/1.0` picks the raw line protocol on the atServer's one port
// (ATPLATFORM §2). Certificates are always verified — against Node's usual
// authorities, or the ones given for a private or test atPlatform. Node-only:
// the rest of src/atplatform must stay importable by a browser build.

import { isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { formatAddress } from '../address';
import { AtClientError } from '../errors';
import type { AtAddress, AtConnector, AtTransport } from '../transport';
import { TransportEvents } from './transport-events';

export const AT_PROTOCOL_ALPN = 'atProtocol/1.0';

export interface TlsConnectorOptions {
  /** PEM certificate authorities to trust instead of Node's defaults (a private or test atPlatform). */
  ca?: string | string[];
  /** Longest wait for the TCP connection and TLS handshake. Default 10 s. */
  timeoutMs?: number;
}

class TlsTransport implements AtTransport {
  readonly #socket: TLSSocket;
  readonly #events = new TransportEvents();

  constructor(socket: TLSSocket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => this.#events.text(text));
    socket.on('error', (error) => this.#events.close(error));
    socket.on('close', () => this.#events.close());
  }

  send(text: string): void {
    if (this.#events.closed) throw new AtClientError('closed', 'The connection is closed.');
    this.#socket.write(text, 'utf8');
  }

  onText(listener: (text: string) => void): void {
    this.#events.onText(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.#events.onClose(listener);
  }

  /** Flushes what was written (a last "@exit") and says goodbye; a peer that never closes is cut off after a second. */
  close(): void {
    this.#events.close();
    if (this.#socket.destroyed) return;
    this.#socket.end();
    const cutOff = setTimeout(() => this.#socket.destroy(), 1000);
    cutOff.unref();
    this.#socket.once('close', () => clearTimeout(cutOff));
  }
}

function openSocket(address: AtAddress, options: ConnectionOptions, timeoutMs: number): Promise<TLSSocket> {
  const where = formatAddress(address);
  return new Promise((resolve, reject) => {
    const socket = tlsConnect(options);
    const fail = (error: AtClientError) => {
      clearTimeout(timer);
      // A late socket error after we gave up must not become an uncaught one.
      socket.on('error', () => {});
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new AtClientError('timeout', `Could not connect to ${where} within ${timeoutMs} ms.`)), timeoutMs);
    socket.once('error', (error) => fail(new AtClientError('unreachable', `Could not connect to ${where}: ${error.message}`, { cause: error })));
    socket.once('secureConnect', () => {
      // "or no ALPN": an older atServer that does not negotiate is still the line protocol.
      if (socket.alpnProtocol !== AT_PROTOCOL_ALPN && socket.alpnProtocol !== false) {
        return fail(new AtClientError('unreachable', `${where} does not speak the atProtocol (it chose ${String(socket.alpnProtocol)}).`));
      }
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

/** A connector for AtClient.connect and findAtServer over TLS. */
export function tlsConnector({ ca, timeoutMs = 10_000 }: TlsConnectorOptions = {}): AtConnector {
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new AtClientError('bad-input', 'timeoutMs must be a whole number above 0.');
  return async (address) => {
    const options: ConnectionOptions = {
      host: address.host,
      port: address.port,
      ALPNProtocols: [AT_PROTOCOL_ALPN],
      rejectUnauthorized: true,
      ...(ca === undefined ? {} : { ca }),
      // SNI carries names only (RFC 6066); for an IP the certificate is checked against the IP.
      ...(isIP(address.host) ? {} : { servername: address.host }),
    };
    return new TlsTransport(await openSocket(address, options, timeoutMs));
  };
}
