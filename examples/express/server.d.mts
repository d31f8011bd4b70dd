// Types of server.mjs, for TypeScript callers such as its test.
import type { Express } from 'express';

export interface AtPlatform {
  /** The root, "host:port". */
  root: string;
  /** The CA (PEM) to trust for it and its atServers. */
  ca?: string;
}

/** @atsign-wallet/sdk's NonceStore. */
export interface NonceStore {
  add(nonce: string, expiresAt: number): void | Promise<void>;
  take(nonce: string, now: number): boolean | Promise<boolean>;
}

export interface Session {
  atSign: string;
  keySource: string;
  profile: Record<string, string>;
}

/** GET /api/nonce, POST /api/verify, GET /api/me for the site at `origin`. */
export declare function createApp(options: {
  origin: string;
  atPlatform?: AtPlatform;
  nonces?: NonceStore;
  /** Session id → the signed-in person. */
  sessions?: Map<string, Session>;
  now?: () => number;
}): Express;
