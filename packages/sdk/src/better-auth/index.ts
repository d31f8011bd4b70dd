// "Sign in with atSign" as a Better Auth plugin (`@atsign-wallet/sdk/better-auth`),
// after Better Auth's own Sign In With Ethereum plugin: a nonce endpoint and a
// verify endpoint that checks the wallet's answer with the SDK's sign-in
// routes, finds the person's user through the atSign's account row (or makes
// one), and starts a Better Auth session. Better Auth is an optional peer:
// only this entry imports it.
//
//   betterAuth({ …, plugins: [atSign({ origin: 'https://example.com' })] })
//   → GET /api/auth/atsign/nonce, POST /api/auth/atsign/verify { response }
import { createHash, randomBytes } from 'node:crypto';
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
   * already: `<hash of the atSign>@<this domain>` (random before the `@` when
   * an old user of the atSign still has that one). Default "atsign.invalid",
   * a domain that never receives mail.
   */
  placeholderEmailDomain?: string;
}

/** The user an atSign signs in as, with the field this plugin adds (null once the atSign's account is gone). */
export type AtSignUser = User & { atSign: string | null };

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
    // When Better Auth deletes an atSign's account (a person proved the
    // user's email, or it was unlinked), the user stops claiming the atSign
    // at once, not only at the atSign's next sign-in.
    init: (auth) => ({
      options: {
        databaseHooks: {
          account: {
            delete: {
              after: async (account) => {
                if (account.providerId !== 'atsign') return;
                const user = (await auth.internalAdapter.findUserById(account.userId)) as AtSignUser | null;
                if (user?.atSign === account.accountId) await auth.internalAdapter.updateUser(user.id, { atSign: null });
              },
            },
          },
        },
      },
    }),
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
        // The account row (providerId 'atsign', accountId the atSign) ties an atSign to
        // its user, not the user's atSign column. When a person proves an email by magic
        // link or email OTP, Better Auth hands them the unverified user with that email
        // after deleting its account rows and sessions, but leaves its columns as they
        // were. Found by the column, the atSign that shared the email would sign in to
        // the email owner's user; found by the account row, it cannot.
        const account = await internalAdapter.findAccountByKey({ providerId: 'atsign', accountId: signIn.atSign });
        let user = account ? ((await internalAdapter.findUserById(account.userId)) as AtSignUser | null) : null;
        const created = user === null;
        if (!user) {
          // A link left behind by a deleted user would leave two rows for one atSign.
          if (account) await internalAdapter.deleteAccount(account.id);
          // A user that lost its link (taken over, or unlinked) still holds the atSign in
          // its unique column: it no longer claims it, and the column makes way for the new user.
          const stale = await adapter.findOne<AtSignUser>({ model: 'user', where: [{ field: 'atSign', value: signIn.atSign }] });
          if (stale) await internalAdapter.updateUser(stale.id, { atSign: null });

          const { name, email, picture } = signIn.profile;
          const free = async (address: string) => (await internalAdapter.findUserByEmail(address)) === null;
          const placeholder = async () => {
            const usual = `${createHash('sha256').update(signIn.atSign).digest('hex').slice(0, 32)}@${emailDomain}`;
            // The user that lost its link may still have it: then one at random.
            return (await free(usual)) ? usual : `${randomBytes(16).toString('hex')}@${emailDomain}`;
          };
          // A shared email is the person's word, not proven: it never joins an existing account.
          const userEmail = email !== undefined && (await free(email)) ? email : await placeholder();
          user = (await internalAdapter.createUser(
            { name: name ?? signIn.atSign, email: userEmail, emailVerified: false, image: picture ?? null, atSign: signIn.atSign },
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
          user: { id: user.id, atSign: signIn.atSign, name: user.name, email: user.email, image: user.image ?? null },
          created,
        };
        return ctx.json(result);
      }),
    },
  } satisfies BetterAuthPlugin;
}
