// What every server adapter does for "Sign in with atSign", whatever the
// framework: issue a single-use nonce, and turn the wallet's answer into a
// verified sign-in — the nonce read from the signed text and spent, then
// verifySignIn for this site's own domain and scheme. Refusals are
// SignInRouteErrors with the HTTP status and code to answer with.
import { parseSignInMessage } from '../siwa/parse';
import { createNonce } from '../siwa/nonce';
import { SignInError, SignInErrorCode } from '../siwa/errors';
import type { SignInResponse, VerifiedSignIn, VerifySignInOptions } from '../siwa/types';
import { verifySignIn } from '../node-verify';
import { createMemoryNonceStore, type NonceStore } from './nonce-store';

export const DEFAULT_NONCE_TTL_MS = 5 * 60_000;

export interface SignInRoutesOptions {
  /** Your site's origin as browsers send it, e.g. "https://example.com": the domain and scheme sign-ins must name. */
  origin: string;
  /** Where issued nonces wait; default one process's memory (createMemoryNonceStore). */
  nonces?: NonceStore;
  /** How long a nonce may be answered (default 5 minutes). */
  nonceTtlMs?: number;
  /** More for verifySignIn: `root`, `ca`, `resolver`, `allowSelfAsserted`. */
  verify?: Pick<VerifySignInOptions, 'root' | 'ca' | 'resolver' | 'allowSelfAsserted'>;
  /** The clock (ms); for tests. */
  now?: () => number;
}

/** A refusal with the HTTP status and the `error` code to answer with. */
export class SignInRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignInRouteError';
  }
}

export interface SignInRoutes {
  /** A fresh nonce, remembered until it is answered or expires. */
  issueNonce(): Promise<string>;
  /**
   * The sign-in in `body` (`{ response }`, as <atsign-signin-button> posts
   * it), sent from a page whose Origin header is `origin`. Rejects with a
   * SignInRouteError for anything short of a verified sign-in.
   */
  verify(body: unknown, origin: string | undefined): Promise<VerifiedSignIn>;
}

function siteOf(origin: string): { domain: string; scheme: 'https' | 'http' } {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError('origin must be your site\'s origin, e.g. "https://example.com".');
  }
  if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`origin must be an http(s) origin with no path, e.g. "https://example.com" (not "${origin}").`);
  }
  return { domain: url.host, scheme: url.protocol === 'http:' ? 'http' : 'https' };
}

/** How a refusal by verifySignIn is answered: the atPlatform out of reach is the server's trouble (503). */
const statusOf = (code: string) => (code === SignInErrorCode.GRAMMAR ? 400 : code === SignInErrorCode.ATSERVER_UNREACHABLE ? 503 : 401);

export function createSignInRoutes(options: SignInRoutesOptions): SignInRoutes {
  const { domain, scheme } = siteOf(options.origin);
  const nonces = options.nonces ?? createMemoryNonceStore();
  const ttlMs = options.nonceTtlMs ?? DEFAULT_NONCE_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new TypeError('nonceTtlMs must be a positive number of ms.');
  const now = options.now ?? Date.now;

  return {
    async issueNonce() {
      const nonce = createNonce();
      await nonces.add(nonce, now() + ttlMs);
      return nonce;
    },

    async verify(body, origin) {
      // Browsers send Origin with every POST: a missing or foreign one is not your page.
      if (origin !== options.origin) throw new SignInRouteError(403, 'FORBIDDEN_ORIGIN', 'Only this site’s pages may sign in here.');
      const response = (body as { response?: unknown } | null)?.response;
      if (typeof response !== 'object' || response === null) {
        throw new SignInRouteError(400, 'BAD_REQUEST', 'Send { response }: the wallet’s answer to atsign_signIn.');
      }
      try {
        // The nonce is inside the signed text: read it, then spend it, whatever comes next.
        const { nonce } = parseSignInMessage((response as { message?: unknown }).message as string);
        if (!(await nonces.take(nonce, now()))) {
          throw new SignInError(SignInErrorCode.NONCE_MISMATCH, 'This nonce was not issued here, has expired, or was used already.');
        }
        return await verifySignIn(response as SignInResponse, { ...options.verify, domain, scheme, nonce, now: now() });
      } catch (error) {
        if (error instanceof SignInError) throw new SignInRouteError(statusOf(error.code), error.code, error.message);
        throw error;
      }
    },
  };
}
