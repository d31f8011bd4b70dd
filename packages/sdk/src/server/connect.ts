// "Sign in with atSign" for Express, Connect and plain Node http servers: two
// handlers to mount — a nonce route and a verify route — and one hook where
// the site starts its own session.
//
//   const signIn = atSignSignIn({ origin: 'https://example.com', onSignIn: (who, req) => { req.session.atSign = who.atSign; } });
//   app.get('/api/nonce', signIn.nonce);
//   app.post('/api/verify', signIn.verify);
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VerifiedSignIn } from '../siwa/types';
import { createSignInRoutes, SignInRouteError, type SignInRoutes, type SignInRoutesOptions } from './sign-in-routes';

/** A request as Connect and Express hand it over; `body` is set when a JSON body parser ran first. */
export type SignInRequest = IncomingMessage & { body?: unknown };
export type Next = (error?: unknown) => void;
export type ConnectHandler = (req: SignInRequest, res: ServerResponse, next: Next) => void;

export interface ConnectSignInOptions extends SignInRoutesOptions {
  /**
   * Starts the person's session once the sign-in verified (set your cookie
   * here). What it returns is the JSON answer; by default
   * `{ atSign, keySource, profile }`. What it throws goes to `next`.
   */
  onSignIn?: (signIn: VerifiedSignIn, req: SignInRequest, res: ServerResponse) => unknown;
  /** The largest body read when no body parser ran first (default 256 KiB: room for a picture). */
  maxBodyBytes?: number;
}

export interface ConnectSignIn {
  /** GET: `{ nonce }`, never cached. */
  nonce: ConnectHandler;
  /** POST `{ response }`: verifies, spends the nonce, calls onSignIn; refusals answer `{ error, message }`. */
  verify: ConnectHandler;
  /** The framework-free routes underneath, for anything else. */
  routes: SignInRoutes;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

function replyJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readJsonBody(req: SignInRequest, maxBytes: number): Promise<unknown> {
  if (req.body !== undefined) return Promise.resolve(req.body);
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new SignInRouteError(415, 'NOT_JSON', 'Send application/json.'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the answer can still be sent.
      if (size > maxBytes) reject(new SignInRouteError(413, 'TOO_LARGE', 'The body is too large.'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new SignInRouteError(400, 'BAD_JSON', 'The body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

export function atSignSignIn(options: ConnectSignInOptions): ConnectSignIn {
  const routes = createSignInRoutes(options);
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const onSignIn = options.onSignIn ?? (({ atSign, keySource, profile }: VerifiedSignIn) => ({ atSign, keySource, profile }));

  const refused = (res: ServerResponse, next: Next) => (error: unknown) => {
    if (error instanceof SignInRouteError) replyJson(res, error.status, { error: error.code, message: error.message });
    else next(error);
  };

  return {
    routes,
    nonce: (_req, res, next) => {
      routes.issueNonce().then((nonce) => replyJson(res, 200, { nonce }), refused(res, next));
    },
    verify: (req, res, next) => {
      const answer = async () => {
        const body = await readJsonBody(req, maxBodyBytes);
        const signIn = await routes.verify(body, req.headers.origin);
        // A hook that throws is the site's own error: it goes to next, not to the person as a refusal.
        let reply: unknown;
        try {
          reply = await onSignIn(signIn, req, res);
        } catch (error) {
          next(error);
          return;
        }
        if (!res.headersSent) replyJson(res, 200, reply ?? null);
      };
      answer().catch(refused(res, next));
    },
  };
}
