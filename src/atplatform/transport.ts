// What the client needs from a connection, whatever carries it: a Node TLS
// socket (the SDK on a server, transports/node-tls.ts) or a WebSocket to the
// atServer's `/ws` door (the wallet in a browser, transports/websocket.ts).
// Text in, text out: each transport decodes UTF-8 itself, so a character split
// across two packets arrives whole.

export interface AtAddress {
  host: string;
  port: number;
}

export interface AtTransport {
  /** Writes one whole command (one WebSocket frame). Never called after close. */
  send(text: string): void;
  /** Text as it arrives, in order. Text that arrived before a listener was set is delivered to it. */
  onText(listener: (text: string) => void): void;
  /** Called once when the connection ends; `error` when it did not end cleanly. Replayed to late listeners. */
  onClose(listener: (error?: Error) => void): void;
  /** Ends the connection; onClose listeners are called. Safe to call twice. */
  close(): void;
}

/** Opens a transport to an atServer or a root; rejects with an AtClientError ('unreachable', 'timeout'). */
export type AtConnector = (address: AtAddress) => Promise<AtTransport>;
