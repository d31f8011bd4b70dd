// The "ask the person" stage of the pipeline, for each method that needs it:
// what the window shows, and when the person has already said yes.
import type { ConnectAnswer, ConnectRequest, ShareChoice } from '@/src/shared/approval';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { ParamsOf } from '@/src/shared/methods';
import { buildSignInMessage } from '@atsign-wallet/sdk';
import type { PageCaller } from '../caller';
import type { Services } from '../services';
import { refuseIfQuiet } from './quiet-sites';

export interface SignInConsent {
  atSign: string;
  /** the exact text the person saw (or agreed to be signed without asking) */
  message: string;
  /** the person ticked "Keep me signed in on this site" just now */
  keepSignedIn: boolean;
  /** what the person chose to share in the same window; absent when the site's grant already covered what it asked */
  share?: ShareChoice;
}

export interface Consent {
  atsign_connect: ConnectAnswer;
  atsign_signIn: SignInConsent;
}

type FieldsAsked = Pick<ParamsOf<'atsign_connect'>, 'optionalFields' | 'purpose'> & { fields?: string[] };

/** The fields a request asks to share, as the window shows them. */
export function sharedRequest(asked: FieldsAsked): ConnectRequest {
  const request: ConnectRequest = { fields: asked.fields ?? [], optionalFields: asked.optionalFields ?? [] };
  if (asked.purpose !== undefined) request.purpose = asked.purpose;
  return request;
}

/** Every field a request names, required or not. */
export const fieldsNamed = (asked: FieldsAsked): string[] => [...(asked.fields ?? []), ...(asked.optionalFields ?? [])];

export async function askConsent(method: keyof Consent, caller: PageCaller, params: unknown, services: Services) {
  const { origin, topOrigin } = caller;
  if (method === 'atsign_connect') {
    const request = sharedRequest(params as ParamsOf<'atsign_connect'>);
    const quiet = () => refuseIfQuiet(origin, fieldsNamed(request), services);
    return (await services.approvals.ask({ kind: 'connect', origin, topOrigin, request }, quiet)) as ConnectAnswer;
  }
  return askSignIn(caller, params as ParamsOf<'atsign_signIn'>, services);
}

async function askSignIn({ origin, topOrigin }: PageCaller, params: ParamsOf<'atsign_signIn'>, services: Services): Promise<SignInConsent> {
  const named = fieldsNamed(params);
  if (params.purpose !== undefined && named.length === 0)
    throw new WalletError(ErrorCode.InvalidParams, 'Invalid params: purpose says why the site asks for fields; name them in fields or optionalFields.');
  const atSign = await services.settings.get('activeAtSign');
  if (!atSign) throw new WalletError(ErrorCode.Unauthorized, 'There is no atSign in this wallet to sign in with.');
  const message = signInMessage(origin, atSign, params, services.now());
  // Only read here: a grant whose time is up is ended by the sweep, or by the
  // sign-in this window leads to. A grant in force (not revoked, not past its
  // expiry even if not swept yet) for the atSign now active covers the
  // fields when it holds every required one; optional ones the person left
  // out before are not asked for again.
  const grant = await services.grants.findActive(origin, services.now());
  const ours = grant?.atSign === atSign ? grant : null;
  const covered = named.length === 0 || (ours !== null && (params.fields ?? []).every((f) => ours.fields.includes(f)));
  // "Keep me signed in", within its 30 days, and nothing new to share: no window.
  if (covered && (ours?.signInKeptUntil ?? 0) > services.now()) {
    await services.vault.requireKey();
    // Already kept: this sign-in does not push the 30 days further out.
    return { atSign, message, keepSignedIn: false };
  }
  const request = covered ? {} : { request: sharedRequest(params) };
  const quiet = () => refuseIfQuiet(origin, covered ? [] : named, services);
  const answer = await services.approvals.ask({ kind: 'signIn', origin, topOrigin, atSign, message, ...request }, quiet);
  const consent: SignInConsent = { atSign, message, keepSignedIn: 'keepSignedIn' in answer && answer.keepSignedIn };
  if ('share' in answer && answer.share) consent.share = answer.share;
  return consent;
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
