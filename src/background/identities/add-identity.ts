// Adding an atSign, however its keys arrived: the wallet gives it an ed25519
// signing key bound to the atSign, seals every private part, and stores it.
import { bindSigningKey, fingerprint, generateSigningKey, type AtKeys } from '@/src/keys';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { IdentitySummary } from '@/src/shared/wallet-state';
import { toSummary, type IdentityRecord, type IdentitySecrets } from '../db/identities-repo';
import { createDefaultPersonas } from '../personas/personas';
import type { Services } from '../services';
import { requireAtSign } from './key-errors';

export const alreadyThere = (atSign: string) =>
  new WalletError(ErrorCode.InvalidParams, `${atSign} is already in this wallet.`, { reason: 'duplicate' });

/**
 * The atSign as the rules write it, refused when the wallet already holds it:
 * checked before slow work (key generation, the network), and again when storing.
 */
export async function requireNewAtSign(atSign: string, { identities }: Pick<Services, 'identities'>): Promise<string> {
  const normalised = requireAtSign(atSign);
  if (await identities.get(normalised)) throw alreadyThere(normalised);
  return normalised;
}

export async function addIdentity(
  keys: AtKeys,
  source: IdentityRecord['source'],
  services: Services,
): Promise<IdentitySummary> {
  const { identities, settings, vault, now } = services;
  if (await identities.get(keys.atSign)) throw alreadyThere(keys.atSign);
  const signing = await generateSigningKey();
  const secrets: IdentitySecrets = {
    pkamPrivateKey: keys.pkamPrivateKey,
    encryptionPrivateKey: keys.encryptionPrivateKey,
    selfEncryptionKey: keys.selfEncryptionKey,
    signingSeed: signing.seed,
    extra: keys.extra,
  };
  const record: IdentityRecord = {
    atSign: keys.atSign,
    source,
    addedAt: now(),
    fingerprint: await fingerprint(keys.encryptionPublicKey),
    pkamFingerprint: await fingerprint(keys.pkamPublicKey),
    pkamPublicKey: keys.pkamPublicKey,
    encryptionPublicKey: keys.encryptionPublicKey,
    signingPublicKey: signing.publicKey,
    binding: await bindSigningKey(keys, signing.publicKey),
    secrets: await vault.seal(secrets),
  };
  if (!(await identities.add(record))) throw alreadyThere(keys.atSign);
  await createDefaultPersonas(keys.atSign, services);
  if (!(await settings.get('activeAtSign'))) await settings.set('activeAtSign', keys.atSign);
  return toSummary(record);
}
