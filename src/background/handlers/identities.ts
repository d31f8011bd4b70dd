import { generateAtKeys, readAtKeys, writeAtKeys } from '@/src/keys';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { IdentitySecrets } from '../db/identities-repo';
import { announceRevoked } from '../grants/revoke';
import { addIdentity, alreadyThere } from '../identities/add-identity';
import { asInputError, requireAtSign } from '../identities/key-errors';
import type { Services } from '../services';
import { walletState } from '../wallet-state';
import type { Handler } from './types';

async function requireIdentity(atSign: string, { identities }: Services) {
  const record = await identities.get(requireAtSign(atSign));
  if (!record)
    throw new WalletError(ErrorCode.InvalidParams, `${atSign} is not in this wallet.`, { reason: 'unknown-atsign' });
  return record;
}

export const importAtKeys: Handler<'wallet_importAtKeys'> = async ({ params }, services) => {
  const keys = await readAtKeys(params.content, params.fileName).catch((error: unknown) => {
    throw asInputError(error);
  });
  return addIdentity(keys, 'imported', services);
};

export const createAtSign: Handler<'wallet_createAtSign'> = async ({ params }, services) => {
  const atSign = requireAtSign(params.atSign);
  // Checked before the slow key generation, and again when storing.
  if (await services.identities.get(atSign)) throw alreadyThere(atSign);
  return addIdentity(await generateAtKeys(atSign), 'created', services);
};

export const exportAtKeys: Handler<'wallet_exportAtKeys'> = async ({ params }, services) => {
  const record = await requireIdentity(params.atSign, services);
  await services.vault.confirm(params.passphrase);
  const secrets = await services.vault.unseal<IdentitySecrets>(record.secrets);
  const content = await writeAtKeys({
    atSign: record.atSign,
    pkamPublicKey: record.pkamPublicKey,
    pkamPrivateKey: secrets.pkamPrivateKey,
    encryptionPublicKey: record.encryptionPublicKey,
    encryptionPrivateKey: secrets.encryptionPrivateKey,
    selfEncryptionKey: secrets.selfEncryptionKey,
    extra: secrets.extra,
  });
  // The atPlatform's own tools name the file this way.
  return { fileName: `${record.atSign}_key.atKeys`, content };
};

export const setActiveAtSign: Handler<'wallet_setActiveAtSign'> = async ({ params }, services) => {
  const record = await requireIdentity(params.atSign, services);
  await services.settings.set('activeAtSign', record.atSign);
  return walletState(services);
};

export const removeAtSign: Handler<'wallet_removeAtSign'> = async ({ params }, services) => {
  const record = await requireIdentity(params.atSign, services);
  const revoked = await services.grants.removeByAtSign(record.atSign);
  await services.personas.removeByAtSign(record.atSign);
  await services.identities.remove(record.atSign);
  await announceRevoked(revoked, 'person', services);
  if ((await services.settings.get('activeAtSign')) === record.atSign) {
    const [next] = await services.identities.list();
    await services.settings.set('activeAtSign', next?.atSign ?? null);
  }
  return walletState(services);
};
