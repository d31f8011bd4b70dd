// Signing a sign-in message the person approved (or kept approving). The site
// learns the atSign, so a grant records it — with no fields, when it has none —
// and that is where "Keep me signed in" lives, so revoking the grant ends it.
import { KEEP_SIGNED_IN_MS } from '@/src/shared/approval';
import { signEd25519 } from '@/src/keys';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { Grant } from '@/src/shared/grant';
import type { IdentitySecrets } from '../db/identities-repo';
import { currentGrant, saveGrant } from '../grants/grants';
import type { Services } from '../services';
import type { Handler } from './types';

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
  if (keep) grant.signInKeptUntil = Math.min(now + KEEP_SIGNED_IN_MS, grant.expiresAt ?? Infinity);
  return grant;
}

export const signIn: Handler<'atsign_signIn'> = async ({ caller, approval }, services) => {
  const identity = await services.identities.get(approval.atSign);
  if (!identity) throw new WalletError(ErrorCode.Unauthorized, 'That atSign is no longer in this wallet.');
  const secrets = await services.vault.unseal<IdentitySecrets>(identity.secrets);
  const signature = await signEd25519(secrets.signingSeed, approval.message);
  const grant = await grantAfterSignIn(caller.origin, approval.atSign, approval.keepSignedIn, services);
  if (grant) await saveGrant(grant, services);
  return { message: approval.message, signature, publicKey: identity.signingPublicKey, keyBinding: identity.binding };
};
