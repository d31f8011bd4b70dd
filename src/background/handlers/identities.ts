import { generateAtKeys, readAtKeys, writeAtKeys } from '@/src/keys';
import { refreshLinks } from '../atplatform/wallet-links';
import type { IdentitySecrets } from '../db/identities-repo';
import { announceRevoked } from '../grants/revoke';
import { addIdentity, requireNewAtSign } from '../identities/add-identity';
import { requireIdentity } from '../identities/require-identity';
import { asInputError } from '../identities/key-errors';
import { walletState } from '../wallet-state';
import type { Handler } from './types';

export const importAtKeys: Handler<'wallet_importAtKeys'> = async ({ params }, services) => {
  const keys = await readAtKeys(params.content, params.fileName).catch((error: unknown) => {
    throw asInputError(error);
  });
  const added = await addIdentity(keys, 'imported', services);
  await refreshLinks(services);
  return added;
};

export const createAtSign: Handler<'wallet_createAtSign'> = async ({ params }, services) => {
  const atSign = await requireNewAtSign(params.atSign, services);
  const added = await addIdentity(await generateAtKeys(atSign), 'created', services);
  await refreshLinks(services);
  return added;
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
  // Checked as for an export, before anything is touched: a wrong passphrase removes nothing.
  await services.vault.confirm(params.passphrase);
  // This wallet's signing key leaves the atServer with it, when the wallet is online to take it away;
  // sign-ins it made are then no longer confirmed by that key.
  await services.links.whileOnline(record.atSign, (client) => client.delete(record.binding.atKey)).catch(() => null);
  // Its link closes here and stays closed, and a sync under way (deleting the
  // signing key is a change the atServer announces) ends before the atSign's
  // rows go: it could otherwise write its personas or its place in the
  // atServer's log back after them.
  services.links.hold(record.atSign);
  let revoked;
  try {
    await services.sync.forget(record.atSign);
    revoked = await services.grants.removeByAtSign(record.atSign);
    // Only this wallet's copy: the personas stay on the atServer for the atSign's other apps.
    await services.personas.removeByAtSign(record.atSign);
    await services.syncState.removeByAtSign(record.atSign);
    // The identity goes last, so that a removal that failed part-way can be asked for again.
    await services.identities.remove(record.atSign);
  } finally {
    services.links.release(record.atSign);
    await refreshLinks(services);
  }
  await announceRevoked(revoked, 'person', services);
  if ((await services.settings.get('activeAtSign')) === record.atSign) {
    const [next] = await services.identities.list();
    await services.settings.set('activeAtSign', next?.atSign ?? null);
  }
  return walletState(services);
};
