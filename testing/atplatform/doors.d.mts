/** What the doors need of an atServer's core (a part of AtServerCore). */
export interface DoorsCore {
  atSign: string;
  openSession(io: { write(text: string): void; close(): void; remote?: string }): { receive(text: string): void; end(): void };
  publicLookup(name: string): { value: string | null; metadata: Record<string, unknown> } | null;
}

/** The atServer's ALPN list, in its order. */
export declare const AT_SERVER_ALPN: readonly string[];

export interface AtServerDoors<Core extends DoorsCore = DoorsCore> {
  atSign: string;
  host: string;
  core: Core;
  readonly port: number;
  /** 'host:port' */
  readonly address: string;
  readonly running: boolean;
  /** Listens: the first time on `port` (0: the OS picks), after that on the same port again. */
  start(): Promise<void>;
  /** Closes the port and drops every connection; the core and its data stay. */
  stop(): Promise<void>;
}

export declare function createAtServerDoors<Core extends DoorsCore>(options: {
  core: Core;
  /** The server's TLS key and certificate, PEM. */
  key: string;
  cert: string;
  /** The CA whose client certificates are accepted (one is asked for, not required). */
  ca: string;
  host?: string;
  port?: number;
  /** Told when the core throws on a connection's input (that connection is dropped); stderr unless given. */
  onError?: (error: unknown) => void;
}): AtServerDoors<Core>;
