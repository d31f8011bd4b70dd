// Types of server.mjs, for TypeScript callers such as its test.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth, BetterAuthOptions } from 'better-auth';
import type { atSign } from '@atsign-wallet/sdk/better-auth';

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

export type AuthOptions = Pick<BetterAuthOptions, 'baseURL' | 'secret' | 'database'> & { plugins: [ReturnType<typeof atSign>] };

/** Better Auth with the atSign plugin for the site at `origin`, and a node:http handler serving /api/auth/* and GET /api/me. */
export declare function createApp(options: {
  origin: string;
  atPlatform?: AtPlatform;
  /** The memory adapter's tables. */
  db?: Record<string, Record<string, unknown>[]>;
  nonces?: NonceStore;
  now?: () => number;
}): {
  auth: Auth<AuthOptions>;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
};
