// Activating a new atSign with its activation secret (CRAM, ATPLATFORM §3), as
// the atPlatform's own onboarding does: `cram` proves the secret; the wallet
// makes the atSign's keys (RSA-2048 PKAM and encryption pairs, an AES-256
// self encryption key); its first enrollment request, on that connection, is
// approved at once with full access and makes the wallet's PKAM key the
// atSign's; it stores the encryption public key as `public:publickey@alice`;
// the caller keeps the keys (`keep`: the wallet seals them in its vault); and
// only then is the secret deleted, never to work again. Atsign's onboarding
// also writes the keys file before it deletes the secret: until the keys are
// kept somewhere, the secret is the only way back in to the atSign.

import { AtServerError, CRAM_SECRET_KEY, type AtClient } from '@/src/atplatform';
import { generateAtKeys, type AtKeys } from '@/src/keys';
import { encryptWithSelfKey, importSelfKey } from '@/src/keys/self-key-cipher';
import { encodeBase64, utf8Encode } from '@/src/shared/base64';
import { EnrollmentError, WALLET_APP_NAME, WALLET_NAMESPACE } from './enrollment';

export interface Activation {
  atSign: string;
  secret: string;
  deviceName: string;
  /**
   * Keeps the new keys, e.g. seals them in the wallet's vault. Awaited once the
   * atServer has taken them and before the secret is deleted: when it throws,
   * the secret is left as it was, the error goes to the caller, and the person
   * can activate again with the same secret.
   */
  keep: (keys: AtKeys) => Promise<void>;
}

/** On a connection to the new atSign's atServer, not yet authenticated: the atSign's keys, activated. */
export async function activateAtSign(client: AtClient, { atSign, secret, deviceName, keep }: Activation): Promise<AtKeys> {
  try {
    await client.authenticateCram(atSign, secret);
  } catch (error) {
    if (error instanceof AtServerError) {
      throw new EnrollmentError('secret-refused', `${atSign}’s atServer did not accept the activation secret. Check it, or whether ${atSign} is already activated.`, {
        cause: error,
      });
    }
    throw error;
  }
  const keys = await generateAtKeys(atSign);
  // The atSign's keys, kept for this first app as an approving app would keep them for any (keys:get).
  const rawSymmetricKey = crypto.getRandomValues(new Uint8Array(32));
  const symmetricKey = await importSelfKey(rawSymmetricKey);
  const sealFor = async (text: string) => encodeBase64(await encryptWithSelfKey(symmetricKey, utf8Encode(text)));
  const { enrollmentId, status } = await client.enrollRequest({
    appName: WALLET_APP_NAME,
    deviceName,
    namespaces: { [WALLET_NAMESPACE]: 'rw' },
    apkamPublicKey: keys.pkamPublicKey,
    encryptedDefaultEncryptionPrivateKey: await sealFor(keys.encryptionPrivateKey),
    encryptedDefaultSelfEncryptionKey: await sealFor(keys.selfEncryptionKey),
  });
  if (status !== 'approved') {
    throw new EnrollmentError('unexpected', `${atSign}’s atServer did not approve the activating wallet at once (it answered ${status}).`);
  }
  await client.update(`public:publickey${atSign}`, keys.encryptionPublicKey);
  const activated: AtKeys = { ...keys, extra: { ...keys.extra, enrollmentId, apkamSymmetricKey: encodeBase64(rawSymmetricKey) } };
  await keep(activated);
  try {
    await client.delete(CRAM_SECRET_KEY);
  } catch (error) {
    // The keys are kept and the atSign works in the wallet, so the activation stands: failing it now
    // would tell the person it did not work while the atSign is already in their wallet. But the secret
    // was not deleted, and until it is, whoever holds it can activate the atSign again and take it over
    // (new keys, full access). The wallet does not try again later, and the person is not told.
    console.warn(`atSign Wallet: ${atSign} is activated, but its activation secret could not be deleted and still works.`, error);
  }
  return activated;
}
