// "Sign in with atSign" as a Passport strategy (named 'atsign'). Passport is
// not a dependency: a strategy is any object with a `name` and an
// `authenticate(req, options)`, and Passport gives a copy of it `success`,
// `fail` and `error` before each call.
//
//   const atSign = new AtSignStrategy({ origin: 'https://example.com' }, (signIn, done) => done(null, { atSign: signIn.atSign }));
//   passport.use(atSign);
//   app.get('/api/nonce', atSign.nonce);
//   app.post('/api/verify', express.json({ limit: '300kb' }), passport.authenticate('atsign', { session: false }), …);
import type { VerifiedSignIn } from '../siwa/types';
import { atSignSignIn, type ConnectHandler, type SignInRequest } from './connect';
import { SignInRouteError, type SignInRoutes, type SignInRoutesOptions } from './sign-in-routes';

/** What `fail` is given: Passport's `info` for a refused sign-in. */
export interface AtSignFailure {
  message: string;
  /** A SignInErrorCode, or the route's own (FORBIDDEN_ORIGIN, BAD_REQUEST); absent when your verify callback said no. */
  code?: string;
}

/** Passport's `done`: an error, or the person's user (false: not allowed in), with optional info for `fail`. */
export type AtSignVerifyDone<User> = (error: unknown, user?: User | false | null, info?: AtSignFailure) => void;
export type AtSignVerifyCallback<User> = (signIn: VerifiedSignIn, done: AtSignVerifyDone<User>) => void;
export type AtSignVerifyCallbackWithRequest<User> = (req: SignInRequest, signIn: VerifiedSignIn, done: AtSignVerifyDone<User>) => void;

export interface AtSignStrategyOptions extends SignInRoutesOptions {
  /** Registers under another name than 'atsign'. */
  name?: string;
  /** The verify callback gets the request first: `(req, signIn, done)`. */
  passReqToCallback?: boolean;
}

type Callback<User> = AtSignVerifyCallback<User> | AtSignVerifyCallbackWithRequest<User>;

export class AtSignStrategy<User = unknown> {
  name: string;
  /** GET `{ nonce }` for the page (the same route as atSignSignIn's). */
  readonly nonce: ConnectHandler;
  /** The framework-free routes underneath. */
  readonly routes: SignInRoutes;

  // Set by Passport on its copy of this strategy before each authenticate.
  declare success: (user: User, info?: unknown) => void;
  declare fail: (challenge: AtSignFailure, status?: number) => void;
  declare error: (error: unknown) => void;

  // Plain properties, not #private ones: Passport calls authenticate on
  // Object.create(this), which has no private slots of its own.
  private readonly verifyCallback: Callback<User>;
  private readonly passReqToCallback: boolean;

  constructor(options: AtSignStrategyOptions & { passReqToCallback: true }, verify: AtSignVerifyCallbackWithRequest<User>);
  constructor(options: AtSignStrategyOptions, verify: AtSignVerifyCallback<User>);
  constructor(options: AtSignStrategyOptions, verify: Callback<User>) {
    if (typeof verify !== 'function') throw new TypeError('AtSignStrategy needs a verify callback: (signIn, done) => done(null, user).');
    const adapter = atSignSignIn(options);
    this.name = options.name ?? 'atsign';
    this.nonce = adapter.nonce;
    this.routes = adapter.routes;
    this.verifyCallback = verify;
    this.passReqToCallback = options.passReqToCallback === true;
  }

  /** Reads `req.body.response` (parse JSON first, e.g. express.json()) and the Origin header. */
  authenticate(req: SignInRequest, _options?: unknown): void {
    if (req.body === undefined) {
      this.fail({ code: 'BAD_REQUEST', message: 'Send the wallet’s answer as JSON { response }; parse JSON bodies before this route (express.json()).' }, 400);
      return;
    }
    this.routes.verify(req.body, req.headers.origin).then(
      (signIn) => this.callVerify(req, signIn),
      (error: unknown) => {
        if (error instanceof SignInRouteError) this.fail({ code: error.code, message: error.message }, error.status);
        else this.error(error);
      },
    );
  }

  private callVerify(req: SignInRequest, signIn: VerifiedSignIn): void {
    let answered = false;
    const done: AtSignVerifyDone<User> = (error, user, info) => {
      // A callback that answers twice would log the person in twice.
      if (answered) return;
      answered = true;
      if (error) this.error(error);
      else if (!user) this.fail(info ?? { message: 'This atSign may not sign in here.' }, 401);
      else this.success(user, info);
    };
    try {
      if (this.passReqToCallback) (this.verifyCallback as AtSignVerifyCallbackWithRequest<User>)(req, signIn, done);
      else (this.verifyCallback as AtSignVerifyCallback<User>)(signIn, done);
    } catch (error) {
      done(error);
    }
  }
}
