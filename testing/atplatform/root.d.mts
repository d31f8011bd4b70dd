/** How late the root answers a connection's 2nd and later misses, in ms (at_root_server waits 3 s). */
export declare const ROOT_MISS_DELAY_MS: number;

export interface LocalRoot {
  host: string;
  readonly port: number;
  /** 'host:port' */
  readonly address: string;
  /** Closes the port and drops every connection. */
  stop(): Promise<void>;
}

export declare function startRoot(options: {
  /** An atSign without its '@' ('alice🛠') → its atServer's 'host:port'; read at each lookup. */
  directory: Map<string, string>;
  /** The root's TLS key and certificate, PEM. */
  key: string;
  cert: string;
  host?: string;
  port?: number;
  missDelayMs?: number;
}): Promise<LocalRoot>;
