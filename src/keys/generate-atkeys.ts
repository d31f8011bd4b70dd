// A new atSign's key set, the same set the atPlatform's onboarding generates:
// an RSA-2048 PKAM pair, an RSA-2048 encryption pair and a 32-byte AES self
// key, so that writeAtKeys of the result is a valid .atKeys file.

import { checkAtSign } from './atsign';
import { encodeBase64 } from '../shared/base64';
import { SELF_KEY_BYTES } from './atkeys-format';
import { AtKeysError } from './errors';
import { generateRsaPair } from './rsa';
import type { AtKeys } from './types';

export async function generateAtKeys(atSign: string): Promise<AtKeys> {
  const check = checkAtSign(atSign);
  if (!check.ok) throw new AtKeysError('bad-atsign', `The atSign "${atSign}" is not valid. ${check.problems.join(' ')}`);

  const [pkam, encryption] = await Promise.all([generateRsaPair(), generateRsaPair()]);
  const selfKey = crypto.getRandomValues(new Uint8Array(SELF_KEY_BYTES));
  return {
    atSign: check.atSign,
    pkamPublicKey: encodeBase64(pkam.spki),
    pkamPrivateKey: encodeBase64(pkam.pkcs8),
    encryptionPublicKey: encodeBase64(encryption.spki),
    encryptionPrivateKey: encodeBase64(encryption.pkcs8),
    selfEncryptionKey: encodeBase64(selfKey),
    extra: {},
  };
}
