// "Sign in with atSign" as a Better Auth plugin (`@atsign-wallet/sdk/better-auth`),
// after Better Auth's own Sign In With Ethereum plugin: a nonce endpoint and a
// verify endpoint that checks the wallet's answer with the SDK's sign-in
// routes, finds or makes the person's user by atSign, and starts a Better
// Auth session. Better Auth is an optional peer: only this entry imports it.
//
//   betterAuth({ …, plugins: [atSign({ origin: 'https://example.com' })] })
//   → GET /api/auth/atsign/nonce, POST /api/auth/atsign/verify { response }
import { createHash } from 'node:crypto';
import type { BetterAuthPlugin, StandardSchemaV1, User } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import type { SignInResponse, VerifiedSignIn } from '../siwa/types';
import type { NonceStore } from '../server/nonce-store';
import { createSignInRoutes, SignInRouteError, type SignInRoutesOptions } from '../server/sign-in-routes';

export interface AtSignPluginOptions extends SignInRoutesOptions {
  /**
   * Where issued nonces wait. Default: Better Auth's own verification table
   * (or its secondary storage), so every server of the site sees them.
   */
  nonces?: NonceStore;
  /**
   * The email of a person who shares none, or whose email another user has
   * already: `<hash of the atSign>@<this domain>`. Default "atsign.invalid",
   * a domain that never receives mail.
   */
  placeholderEmailDomain?: string;
}

/** The user an atSign signs in as, with the field this plugin adds. */
export type AtSignUser = User & { atSign: string };

/** The verify endpoint's answer (the button shows `atSign`). */
export interface AtSignVerifyResult {
  atSign: string;
  keySource: VerifiedSignIn['keySource'];
  /** The fields shared with this sign-in, as the wallet signed them. */
  profile: Record<string, string>;
  user: { id: string; atSign: string; name: string; email: string; image: string | null };
  /** True when this sign-in made the user. */
  created: boolean;
}

const NONCE_PREFIX = 'atsign-nonce:';

/** The atSign column on Better Auth's user table: unique, and never set from a request body. */
const schema = {
  user: {
    fields: {
      atSign: { type: 'string', required: false, unique: true, input: false },
    },
  },
} satisfies BetterAuthPlugin['schema'];

/** `{ response }` as the button posts it; the sign-in routes check the rest. */
const verifyBody: StandardSchemaV1<{ response: SignInResponse }> = {
  '~standard': {
    version: 1,
    vendor: 'atsign-wallet',
    validate: (value) => {
      const response = (value as { response?: unknown } | null)?.response;
      return typeof response === 'object' && response !== null
        ? { value: value as { response: SignInResponse } }
        : { issues: [{ message: 'Send { response }: the wallet’s answer to atsign_signIn.' }] };
    },
  },
};

type Adapter = {
  createVerificationValue(data: { identifier: string; value: string; expiresAt: Date }): Promise<unknown>;
  consumeVerificationValue(identifier: string): Promise<{ expiresAt: Date | string } | null>;
};

/** Nonces in Better Auth's verification storage: consumed in one step, so two requests cannot both take one. */
function verificationNonces(adapter: Adapter): NonceStore {
  return {
    add: async (nonce, expiresAt) => {
      await adapter.createVerificationValue({ identifier: NONCE_PREFIX + nonce, value: nonce, expiresAt: new Date(expiresAt) });
    },
    take: async (nonce, now) => {
      const row = await adapter.consumeVerificationValue(NONCE_PREFIX + nonce);
      // Better Auth checks expiry on its own clock; this checks it on the routes' too.
      return row !== null && new Date(row.expiresAt).getTime() > now;
    },
  };
}

function refusal(error: unknown): unknown {
  if (!(error instanceof SignInRouteError)) return error;
  // `error` is what <atsign-signin-button> reads; `code` is Better Auth's habit.
  const status = ({ 400: 'BAD_REQUEST', 403: 'FORBIDDEN', 503: 'SERVICE_UNAVAILABLE' } as const)[error.status] ?? 'UNAUTHORIZED';
  return new APIError(status, { error: error.code, code: error.code, message: error.message });
}

export function atSign(options: AtSignPluginOptions) {
  // Checks the options now, not at the first sign-in.
  const fixed = createSignInRoutes({ ...options, nonces: options.nonces ?? { add: () => undefined, take: () => false } });
  const routesFor = (adapter: Adapter) => (options.nonces ? fixed : createSignInRoutes({ ...options, nonces: verificationNonces(adapter) }));
  const emailDomain = options.placeholderEmailDomain ?? 'atsign.invalid';

  return {
    id: 'atsign',
    schema,
    endpoints: {
      atSignNonce: createAuthEndpoint('/atsign/nonce', { method: 'GET', metadata: { noStore: true } }, async (ctx) => {
        const nonce = await routesFor(ctx.context.internalAdapter).issueNonce();
        return ctx.json({ nonce });
      }),

      atSignVerify: createAuthEndpoint('/atsign/verify', { method: 'POST', body: verifyBody, metadata: { noStore: true } }, async (ctx) => {
        const origin = ctx.request?.headers.get('origin') ?? ctx.headers?.get('origin') ?? undefined;
        let signIn: VerifiedSignIn;
        try {
          signIn = await routesFor(ctx.context.internalAdapter).verify(ctx.body, origin);
        } catch (error) {
          throw refusal(error);
        }

        const { internalAdapter, adapter } = ctx.context;
        let user = await adapter.findOne<AtSignUser>({ model: 'user', where: [{ field: 'atSign', value: signIn.atSign }] });
        const created = user === null;
        if (!user) {
          const { name, email, picture } = signIn.profile;
          // A shared email is the person's word, not proven: it never joins an existing account.
          const free = email !== undefined && (await internalAdapter.findUserByEmail(email)) === null;
          const placeholder = `${createHash('sha256').update(signIn.atSign).digest('hex').slice(0, 32)}@${emailDomain}`;
          user = (await internalAdapter.createUser(
            { name: name ?? signIn.atSign, email: free ? email : placeholder, emailVerified: false, image: picture ?? null, atSign: signIn.atSign },
            { method: 'atsign' },
          )) as AtSignUser;
          await internalAdapter.createAccount({ userId: user.id, providerId: 'atsign', accountId: signIn.atSign });
        }

        const session = await internalAdapter.createSession(user.id);
        if (!session) throw new APIError('INTERNAL_SERVER_ERROR', { message: 'The session could not be made.' });
        await setSessionCookie(ctx, { session, user });
        const result: AtSignVerifyResult = {
          atSign: signIn.atSign,
          keySource: signIn.keySource,
          profile: signIn.profile,
          user: { id: user.id, atSign: user.atSign, name: user.name, email: user.email, image: user.image ?? null },
          created,
        };
        return ctx.json(result);
      }),
    },
  } satisfies BetterAuthPlugin;
}
