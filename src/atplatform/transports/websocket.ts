// The atProtocol over a WebSocket to the atServer's `/ws` door (ATPLATFORM §2),
// for the wallet in a browser, which cannot open TLS sockets: always
// `wss://host:port/ws` (a person's keys never travel unencrypted), one command
// per text frame, replies as text frames. Works with the browser's WebSocket
// or any constructor shaped like it (Node tests pass the `ws` package's).

import { formatAddress } from '../address';
import { AtClientError } from '../errors';
import type { AtAddress, AtConnector, AtTransport } from '../transport';
import { TransportEvents } from './transport-events';

/**
 * The part of the WebSocket interface used here; both the DOM's and `ws`'s fit
 * it. Handlers are typed loosely (`never`) so either's event types are accepted.
 */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface WebSocketConnectorOptions {
  /** Default: globalThis.WebSocket. */
  WebSocket?: WebSocketConstructor;
  /** Longest wait for the connection to open. Default 10 s. */
  timeoutMs?: number;
}

const OPEN = 1;
const NORMAL_CLOSURE = 1000;

export function webSocketUrl(address: AtAddress): string {
  return `wss://${formatAddress(address)}/ws`;
}

class WebSocketTransport implements AtTransport {
  readonly #socket: WebSocketLike;
  readonly #events = new TransportEvents();

  /**
   * Takes over the socket's handlers from the moment it is made: until it
   * opens, a failure goes to `failedToOpen`; after, it ends the transport.
   */
  constructor(socket: WebSocketLike, where: string, opened: () => void, failedToOpen: (error: AtClientError) => void) {
    this.#socket = socket;
    let open = false;
    socket.onopen = () => {
      open = true;
      opened();
    };
    socket.onmessage = (event: { data: unknown }) => {
      if (typeof event.data === 'string') this.#events.text(event.data);
      else if (event.data instanceof ArrayBuffer) this.#events.text(new TextDecoder().decode(event.data));
    };
    // A browser says nothing about why a WebSocket failed (by design); neither can we. A close follows.
    socket.onerror = () => {
      if (!open) failedToOpen(new AtClientError('unreachable', `Could not connect to ${where}.`));
    };
    socket.onclose = (event: { code: number; wasClean: boolean }) => {
      if (!open) failedToOpen(new AtClientError('unreachable', `Could not connect to ${where} (code ${event.code}).`));
      this.#events.close(event.wasClean ? undefined : new AtClientError('closed', `The WebSocket closed (code ${event.code}).`));
    };
  }

  send(text: string): void {
    if (this.#events.closed || this.#socket.readyState !== OPEN) throw new AtClientError('closed', 'The connection is closed.');
    this.#socket.send(text);
  }

  onText(listener: (text: string) => void): void {
    this.#events.onText(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.#events.onClose(listener);
  }

  close(): void {
    this.#events.close();
    try {
      this.#socket.close(NORMAL_CLOSURE);
    } catch {
      // Closing a socket that never opened can throw; it is closed either way.
    }
  }
}

/** A connector for AtClient.connect over `wss://host:port/ws`. */
export function webSocketConnector({ WebSocket: Ctor, timeoutMs = 10_000 }: WebSocketConnectorOptions = {}): AtConnector {
  const WebSocketClass = Ctor ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (typeof WebSocketClass !== 'function') throw new AtClientError('bad-input', 'No WebSocket is available here; pass one as options.WebSocket.');
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new AtClientError('bad-input', 'timeoutMs must be a whole number above 0.');
  return (address) =>
    new Promise<AtTransport>((resolve, reject) => {
      const where = webSocketUrl(address);
      let socket: WebSocketLike;
      try {
        socket = new WebSocketClass(where);
      } catch (error) {
        reject(new AtClientError('unreachable', `Could not open ${where}.`, { cause: error }));
        return;
      }
      socket.binaryType = 'arraybuffer';
      let settled = false;
      const settle = (error?: AtClientError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!error) return resolve(transport);
        transport.close();
        reject(error);
      };
      const timer = setTimeout(() => settle(new AtClientError('timeout', `Could not connect to ${where} within ${timeoutMs} ms.`)), timeoutMs);
      const transport = new WebSocketTransport(socket, where, () => settle(), settle);
    });
}
