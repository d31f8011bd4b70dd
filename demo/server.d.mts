import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NonceStore } from '@atsign-wallet/sdk';

export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
/** The session cookie's name. */
export declare const SESSION_COOKIE: string;
/** The largest JSON body the API reads. */
export declare const MAX_BODY_BYTES: number;
export declare const SESSION_TTL_MS: number;

export interface SessionStore<T = unknown> {
  readonly ttlMs: number;
  create(data: T): string;
  get(id: string | undefined): T | null;
  delete(id: string | undefined): void;
}
export declare function createSessionStore<T = unknown>(options?: {
  ttlMs?: number;
  max?: number;
  now?: () => number;
}): SessionStore<T>;

/** Where sign-ins are confirmed: a root "host:port" and the CA (PEM) to trust for it; the real atPlatform when absent. */
export interface DemoAtPlatform {
  root?: string;
  ca?: string;
}

/** The /api/* routes of a server at `origin`, checking sign-ins with `@atsign-wallet/sdk`. */
export declare function createDemoApi(options: {
  origin: string;
  atPlatform?: DemoAtPlatform;
  nonces?: NonceStore;
  sessions?: SessionStore;
  headers?: Record<string, string>;
}): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

/**
 * Serves `root` and the sign-in API on http://127.0.0.1:`port` (0 picks a free
 * port): GET /api/nonce, POST /api/verify, GET /api/me, POST /api/signout.
 */
export declare function startDemoServer(options: { port?: number; root: string; atPlatform?: DemoAtPlatform }): Promise<{
  /** Base URL, ending in '/'. */
  url: string;
  /** The site's origin, e.g. "http://127.0.0.1:5173": POSTs must carry it, sign-ins are checked for its host. */
  origin: string;
  close(): Promise<void>;
}>;
