// How the client's tests reach a local atPlatform: its root, and each
// atServer by either door — TLS with ALPN atProtocol/1.0, or the WebSocket
// door with the `ws` package (offering ALPN http/1.1, as every browser does),
// both trusting the platform's test CA, verification on.
import { WebSocket as WsWebSocket, type ClientOptions } from 'ws';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import { AtClient, parseAddress, webSocketConnector, type AtAddress, type AtConnector, type WebSocketConstructor } from '@/src/atplatform';
import type { LocalAtPlatform } from '../../../../testing/atplatform/index.mjs';

export function trustingWebSocket(caPem: string): WebSocketConstructor {
  // `ws` hands these to tls.connect; its types do not list ALPNProtocols.
  const options: ClientOptions & { ALPNProtocols: string[] } = { ca: caPem, ALPNProtocols: ['http/1.1'] };
  return class extends WsWebSocket {
    constructor(url: string) {
      super(url, options);
    }
  };
}

export interface Door {
  name: string;
  connector(platform: LocalAtPlatform, timeoutMs?: number): AtConnector;
}

export const DOORS: Door[] = [
  { name: 'TLS (ALPN atProtocol/1.0)', connector: (platform, timeoutMs) => tlsConnector({ ca: platform.ca, timeoutMs }) },
  {
    name: 'the WebSocket door (wss://…/ws)',
    connector: (platform, timeoutMs) => webSocketConnector({ WebSocket: trustingWebSocket(platform.ca), timeoutMs }),
  },
];

export const addressOf = (platform: LocalAtPlatform, atSign: string): AtAddress => {
  const address = platform.atServers[atSign];
  if (address === undefined) throw new Error(`The local atPlatform does not serve ${atSign}.`);
  return parseAddress(address);
};

/** Clients opened by a test, closed after it. */
export class Clients {
  readonly #open: AtClient[] = [];

  async connect(platform: LocalAtPlatform, door: Door, atSign: string, timeoutMs = 10_000): Promise<AtClient> {
    const client = await AtClient.connect(addressOf(platform, atSign), { connect: door.connector(platform), timeoutMs });
    this.#open.push(client);
    return client;
  }

  closeAll(): void {
    for (const client of this.#open.splice(0)) client.close();
  }
}
