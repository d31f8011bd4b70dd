// Signing a sign-in message the person approved (or kept approving). The site
// learns the atSign, so a grant records it — with no fields, when it has none —
// and that is where "Keep me signed in" lives, so revoking the grant ends it.
// A sign-in that names fields also answers with them: shared just now in the
// same window, or read through the grant that already covered them.
import { KEEP_SIGNED_IN_MS, type ShareChoice } from '@/src/shared/approval';
import { signEd25519 } from '@/src/keys';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { Grant } from '@/src/shared/grant';
import type { SignInResult } from '@/src/shared/methods/page';
import { profileStatement } from '@atsign-wallet/sdk';
import { fieldsNamed, type SignInConsent } from '../approvals/consent';
import type { IdentitySecrets } from '../db/identities-repo';
import { currentGrant, grantFrom, saveGrant } from '../grants/grants';
import { findPersona, valuesOf } from '../personas/personas';
import type { Services } from '../services';
import type { Handler } from './types';

const keptUntil = (grant: Grant, now: number) => Math.min(now + KEEP_SIGNED_IN_MS, grant.expiresAt ?? Infinity);

/** The grant to store after this sign-in, or null when the one there already says it all. */
async function grantAfterSignIn(origin: string, atSign: string, keep: boolean, services: Services): Promise<Grant | null> {
  const now = services.now();
  // A grant past its time counts as none, even before it is swept.
  const existing = await currentGrant(origin, services);
  if (existing?.atSign === atSign && !keep) return null;
  // Signing in as another atSign replaces what the site had for the last one.
  const [firstPersona] = await services.personas.list(atSign);
  const grant: Grant =
    existing?.atSign === atSign
      ? { ...existing }
      : { id: crypto.randomUUID(), origin, atSign, personaId: firstPersona?.id ?? '', fields: [], grantedAt: now, expiresAt: null };
  if (keep) grant.signInKeptUntil = keptUntil(grant, now);
  return grant;
}

type Shared = Required<Pick<SignInResult, 'persona' | 'grant' | 'profile'>>;

/** The person chose what to share in the sign-in window: a grant for it, as atsign_connect makes one. */
async function shareChosen(origin: string, consent: SignInConsent, share: ShareChoice, asked: string[], services: Services): Promise<Shared> {
  const persona = await findPersona(share.personaId, services);
  if (!persona) throw new WalletError(ErrorCode.Internal, 'The chosen persona is gone.');
  const now = services.now();
  const grant = grantFrom(share, { origin, atSign: consent.atSign, asked }, now);
  if (grant.expiresAt === grant.grantedAt) {
    // "Only this time": the values go once and no grant stays, but the site
    // still learns the atSign, so the sign-in is recorded as any other is.
    const signedIn = await grantAfterSignIn(origin, consent.atSign, consent.keepSignedIn, services);
    if (signedIn) await saveGrant(signedIn, services);
  } else {
    if (consent.keepSignedIn) grant.signInKeptUntil = keptUntil(grant, now);
    await saveGrant(grant, services);
  }
  return { persona: { id: persona.id, name: persona.name }, grant, profile: valuesOf(persona, grant.fields) };
}

/** No window was needed for the fields: the site's grant covers them; read through it. */
async function shareGranted(origin: string, consent: SignInConsent, asked: string[], required: string[], services: Services): Promise<Shared> {
  const grant = await currentGrant(origin, services);
  const persona = grant?.atSign === consent.atSign ? await findPersona(grant.personaId, services) : null;
  // Revoked, narrowed or moved while the person was answering: not the site's to read.
  if (!grant || !persona || !required.every((f) => grant.fields.includes(f)))
    throw new WalletError(ErrorCode.Unauthorized, 'This site’s access changed during the sign-in. Ask again.');
  const signedIn = await grantAfterSignIn(origin, consent.atSign, consent.keepSignedIn, services);
  if (signedIn) await saveGrant(signedIn, services);
  const profile = valuesOf(persona, asked.filter((f) => grant.fields.includes(f)));
  return { persona: { id: persona.id, name: persona.name }, grant: signedIn ?? grant, profile };
}

export const signIn: Handler<'atsign_signIn'> = async ({ caller, params, approval }, services) => {
  const identity = await services.identities.get(approval.atSign);
  if (!identity) throw new WalletError(ErrorCode.Unauthorized, 'That atSign is no longer in this wallet.');
  const { signingSeed } = await services.vault.unseal<IdentitySecrets>(identity.secrets);
  const signed: SignInResult = {
    message: approval.message,
    signature: await signEd25519(signingSeed, approval.message),
    publicKey: identity.signingPublicKey,
    keyBinding: identity.binding,
  };
  const asked = fieldsNamed(params);
  let shared: Shared;
  if (approval.share) shared = await shareChosen(caller.origin, approval, approval.share, asked, services);
  else if (asked.length) shared = await shareGranted(caller.origin, approval, asked, params.fields ?? [], services);
  else {
    const grant = await grantAfterSignIn(caller.origin, approval.atSign, approval.keepSignedIn, services);
    if (grant) await saveGrant(grant, services);
    return signed;
  }
  // The profile goes signed with the sign-in, so the site's server can tell it is the one the wallet gave.
  const profileSignature = await signEd25519(signingSeed, await profileStatement(approval.message, shared.profile));
  return { ...signed, ...shared, profileSignature };
};
