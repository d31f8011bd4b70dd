// The "ask the person" stage of the pipeline, for each method that needs it:
// what the window shows, and when the person has already said yes.
import type { ConnectAnswer, ConnectRequest } from '@/src/shared/approval';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { ParamsOf } from '@/src/shared/methods';
import { buildSignInMessage } from '@/src/sdk/siwa/build';
import type { PageCaller } from '../caller';
import type { Services } from '../services';
import { refuseIfQuiet } from './quiet-sites';

export interface SignInConsent {
  atSign: string;
  /** the exact text the person saw (or agreed to be signed without asking) */
  message: string;
  /** the person ticked "Keep me signed in on this site" just now */
  keepSignedIn: boolean;
}

export interface Consent {
  atsign_connect: ConnectAnswer;
  atsign_signIn: SignInConsent;
}

export async function askConsent(method: keyof Consent, caller: PageCaller, params: unknown, services: Services) {
  const { origin, topOrigin } = caller;
  if (method === 'atsign_connect') {
    const asked = params as ParamsOf<'atsign_connect'>;
    const request: ConnectRequest = { fields: asked.fields, optionalFields: asked.optionalFields ?? [] };
    if (asked.purpose !== undefined) request.purpose = asked.purpose;
    const quiet = () => refuseIfQuiet(origin, [...request.fields, ...request.optionalFields], services);
    return (await services.approvals.ask({ kind: 'connect', origin, topOrigin, request }, quiet)) as ConnectAnswer;
  }
  const atSign = await services.settings.get('activeAtSign');
  if (!atSign) throw new WalletError(ErrorCode.Unauthorized, 'There is no atSign in this wallet to sign in with.');
  const message = signInMessage(origin, atSign, params as ParamsOf<'atsign_signIn'>, services.now());
  // "Keep me signed in": a grant in force (not revoked, not past its expiry even
  // if not swept yet), for the atSign now active, within its 30 days — no window.
  // Only read here: a grant whose time is up is ended by the sweep, or by the
  // sign-in this window leads to.
  const grant = await services.grants.findActive(origin, services.now());
  if (grant?.atSign === atSign && (grant.signInKeptUntil ?? 0) > services.now()) {
    await services.vault.requireKey();
    // Already kept: this sign-in does not push the 30 days further out.
    return { atSign, message, keepSignedIn: false } satisfies SignInConsent;
  }
  const answer = await services.approvals.ask({ kind: 'signIn', origin, topOrigin, atSign, message }, () => refuseIfQuiet(origin, [], services));
  return { atSign, message, keepSignedIn: 'keepSignedIn' in answer && answer.keepSignedIn } satisfies SignInConsent;
}

/** The message, with domain and URI from the requesting frame's real origin — never from params. */
function signInMessage(origin: string, atSign: string, params: ParamsOf<'atsign_signIn'>, now: number): string {
  try {
    return buildSignInMessage({
      domain: new URL(origin).host,
      atSign,
      statement: params.statement,
      uri: origin,
      nonce: params.nonce,
      issuedAt: new Date(now).toISOString(),
      expirationTime: params.expirationTime,
      notBefore: params.notBefore,
      requestId: params.requestId,
      resources: params.resources,
    });
  } catch (error) {
    // A param the message grammar refuses is the site's to fix.
    throw new WalletError(ErrorCode.InvalidParams, `Invalid params: ${(error as Error).message}`);
  }
}
