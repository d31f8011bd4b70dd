// How the wallet opens a connection to an atServer in a browser: a WebSocket
// to `wss://host:port/ws`, verified by the browser's own TLS (there is no
// way to turn that off, and no fallback to ws://).
//
// atServers ask every client for a certificate, which is optional. Chromium's
// WebSocket cannot answer that question and fails the connection, unless the
// browser already knows its answer for that host and port; an ordinary HTTPS
// request learns it ("no certificate"). So a plain request to the atServer's
// HTTPS door comes first. Its answer is not read (it needs no host
// permission, and a 404 serves as well); a failure is left to the WebSocket
// to report.
//
// `onTraffic`, when given, hears every command sent and every text received
// (src/background/keep-awake.ts: how Firefox keeps an online wallet awake).

import { webSocketConnector, formatAddress, type AtConnector, type AtTransport } from '@/src/atplatform';
import type { FetchLike } from './root-over-https';

export function browserConnector(fetch: FetchLike, timeoutMs = 10_000, onTraffic?: () => void): AtConnector {
  return async (address) => {
    await fetch(`https://${formatAddress(address)}/publickey`, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => undefined);
    const transport = await webSocketConnector({ timeoutMs })(address);
    return onTraffic ? heard(transport, onTraffic) : transport;
  };
}

/** The same transport, telling `onTraffic` of each command and each text. */
function heard(transport: AtTransport, onTraffic: () => void): AtTransport {
  onTraffic();
  return {
    send(text) {
      transport.send(text);
      onTraffic();
    },
    onText: (listener) =>
      transport.onText((text) => {
        onTraffic();
        listener(text);
      }),
    onClose: (listener) => transport.onClose(listener),
    close: () => transport.close(),
  };
}
