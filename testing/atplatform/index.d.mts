import type { AtServerCore } from './atserver/index.mjs';

export type { AtServerCore };

export interface LocalAtPlatformOptions {
  /** .atKeys file paths, or parsed .atKeys JSON: atSigns already activated. */
  atKeys?: Array<string | Record<string, unknown>>;
  /** atSigns the root knows, whose atServer waits for activation by CRAM. */
  unactivated?: Array<{ atSign: string; cramSecret: string }>;
  /** A file-backed store (one JSON file per atSign) under it; in memory when absent. */
  dataDir?: string;
  /** Where everything listens; '127.0.0.1' unless told. */
  host?: string;
}

/** One atSign's atServer: one TLS port with its three doors. */
export interface LocalAtServer {
  atSign: string;
  /** 'host:port' */
  readonly address: string;
  host: string;
  readonly port: number;
  core: AtServerCore;
  /** The atServer is down: port closed, every connection dropped; its data kept. */
  stop(): Promise<void>;
  /** Up again on the same port with the same data. */
  start(): Promise<void>;
}

export interface LocalAtPlatform {
  /** 'host:port' of the root (TLS line protocol; HTTPS GET /@alice by ALPN http/1.1 on the same port). */
  root: string;
  /** PEM of the test CA that signed every certificate here. */
  ca: string;
  /** A file holding that PEM (removed by stop()). */
  caPath: string;
  /** Normalised atSign ('@alice🛠') → 'host:port'. */
  atServers: Record<string, string>;
  /** Throws for an atSign it does not serve. */
  atServer(atSign: string): LocalAtServer;
  /** Everything closed, ports freed, temp files removed. */
  stop(): Promise<void>;
}

export declare function startLocalAtPlatform(options?: LocalAtPlatformOptions): Promise<LocalAtPlatform>;
