// Adding the wallet to an atSign the person already has, by APKAM
// (ATPLATFORM §4): the wallet makes its own RSA-2048 APKAM key pair and an
// AES-256 symmetric key, encrypts that key to the atSign's encryption public
// key, and asks with the one-time code the person read off an app that
// manages the atSign. Once that app approves, the atServer holds the atSign's
// encryption private key and self encryption key for this wallet, encrypted
// with the symmetric key; the wallet fetches and decrypts them.

import { AtServerError, type AtClient } from '@/src/atplatform';
import type { AtKeys } from '@/src/keys';
import { generateRsaPair } from '@/src/keys/rsa';
import { rsaPkcs1Encrypt } from '@/src/keys/rsa-encrypt';
import { decryptWithSelfKey, importSelfKey } from '@/src/keys/self-key-cipher';
import { decodeBase64, encodeBase64, utf8Encode } from '@/src/shared/base64';

/** The namespace the wallet asks for, read and write: its keys end `.atwallet@alice`. */
export const WALLET_NAMESPACE = 'atwallet';
export const WALLET_APP_NAME = 'atwallet';

export interface EnrollmentMaterial {
  /** base64 DER SPKI / PKCS#8: the wallet's own PKAM pair for this atSign */
  apkamPublicKey: string;
  apkamPrivateKey: string;
  /** base64 of 32 random bytes */
  apkamSymmetricKey: string;
  /** the symmetric key (its base64 text, as the atPlatform's apps send it) encrypted to the atSign's encryption key */
  encryptedApkamSymmetricKey: string;
  /** base64 DER SPKI the atServer published when asked */
  encryptionPublicKey: string;
}

export async function makeEnrollmentMaterial(encryptionPublicKey: string): Promise<EnrollmentMaterial> {
  const pair = await generateRsaPair();
  const apkamSymmetricKey = encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
  return {
    apkamPublicKey: encodeBase64(pair.spki),
    apkamPrivateKey: encodeBase64(pair.pkcs8),
    apkamSymmetricKey,
    encryptedApkamSymmetricKey: encodeBase64(await rsaPkcs1Encrypt(encryptionPublicKey, utf8Encode(apkamSymmetricKey))),
    encryptionPublicKey,
  };
}

/** Why an enrollment did not go through, for the person. */
export class EnrollmentError extends Error {
  constructor(
    readonly problem:
      | 'not-found'
      | 'not-activated'
      | 'otp-refused'
      | 'secret-refused'
      | 'denied'
      | 'revoked'
      | 'expired'
      | 'bad-keys'
      | 'unexpected',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EnrollmentError';
  }
}

/** The atServer's code for "no such key". */
const KEY_NOT_FOUND = 'AT0015';

/** `publickey@alice`, asked without authenticating, as anyone may. */
export async function publishedEncryptionKey(client: AtClient, atSign: string): Promise<string> {
  try {
    const value = await client.lookup(`publickey${atSign}`);
    if (value) return value;
  } catch (error) {
    if (!(error instanceof AtServerError && error.code === KEY_NOT_FOUND)) throw error;
  }
  throw new EnrollmentError('not-activated', `${atSign} is not activated yet: its atServer publishes no encryption key.`);
}

/** Sends `enroll:request`; resolves with the enrollment id while it waits for approval. */
export async function requestEnrollment(
  client: AtClient,
  { atSign, otp, deviceName, material }: { atSign: string; otp: string; deviceName: string; material: EnrollmentMaterial },
): Promise<string> {
  let answer;
  try {
    answer = await client.enrollRequest({
      appName: WALLET_APP_NAME,
      deviceName,
      namespaces: { [WALLET_NAMESPACE]: 'rw' },
      otp,
      apkamPublicKey: material.apkamPublicKey,
      encryptedAPKAMSymmetricKey: material.encryptedApkamSymmetricKey,
    });
  } catch (error) {
    // Every refusal of a request (a wrong or spent code, too many tries) is AT0011 from the atServer.
    if (error instanceof AtServerError) {
      throw new EnrollmentError('otp-refused', `${atSign}’s atServer did not accept the one-time code. Check it, or get a new one from your other app.`, {
        cause: error,
      });
    }
    throw error;
  }
  if (answer.status !== 'pending') {
    throw new EnrollmentError('unexpected', `${atSign}’s atServer answered the request as ${answer.status}, not as waiting for approval.`);
  }
  return answer.enrollmentId;
}

/** Decrypts one of the keys the approving app left for this enrollment. */
async function enrolledKey(client: AtClient, name: string, symmetricKey: CryptoKey): Promise<string> {
  let stored: unknown;
  try {
    stored = JSON.parse(await client.keysGet(name));
  } catch (error) {
    throw new EnrollmentError('bad-keys', 'The atServer did not give this wallet the atSign’s keys after approval.', { cause: error });
  }
  const value = (stored as { value?: unknown } | null)?.value;
  const ciphertext = typeof value === 'string' ? decodeBase64(value) : null;
  const plain = ciphertext ? await decryptWithSelfKey(symmetricKey, ciphertext) : null;
  if (!plain) throw new EnrollmentError('bad-keys', 'The atSign’s keys from the atServer could not be decrypted with this wallet’s key.');
  return new TextDecoder().decode(plain);
}

/**
 * On a connection authenticated with the enrollment's APKAM key: the atSign's
 * keys as an .atKeys file would hold them for an enrolled app.
 */
export async function fetchEnrolledKeys(
  client: AtClient,
  { atSign, enrollmentId, material }: { atSign: string; enrollmentId: string; material: EnrollmentMaterial },
): Promise<AtKeys> {
  const raw = decodeBase64(material.apkamSymmetricKey);
  if (raw === null) throw new EnrollmentError('bad-keys', 'This wallet’s symmetric key is damaged.');
  const symmetricKey = await importSelfKey(raw);
  const encryptionPrivateKey = await enrolledKey(client, `${enrollmentId}.default_enc_private_key.__manage${atSign}`, symmetricKey);
  const selfEncryptionKey = await enrolledKey(client, `${enrollmentId}.default_self_enc_key.__manage${atSign}`, symmetricKey);
  if (decodeBase64(selfEncryptionKey)?.length !== 32) {
    throw new EnrollmentError('bad-keys', 'The self encryption key from the atServer is not a 256-bit AES key.');
  }
  return {
    atSign,
    pkamPublicKey: material.apkamPublicKey,
    pkamPrivateKey: material.apkamPrivateKey,
    encryptionPublicKey: material.encryptionPublicKey,
    encryptionPrivateKey,
    selfEncryptionKey,
    extra: { enrollmentId, apkamSymmetricKey: material.apkamSymmetricKey },
  };
}
