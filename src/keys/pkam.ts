// PKAM: the atServer authenticates an atSign by asking it to sign a challenge
// with its PKAM private key — RSASSA-PKCS1-v1_5 with SHA-256, base64, as the
// atPlatform's at_chops signs it.

import { encodeBase64 } from '../shared/base64';
import { orProblem } from './errors';
import { importPrivateKeyText } from './import-rsa-text';
import { rsaSign } from './rsa';

export async function signPkamChallenge(pkamPrivateKey: string, challenge: string): Promise<string> {
  const key = await importPrivateKeyText(pkamPrivateKey, 'PKAM private key');
  const signature = await orProblem('not-rsa', 'The PKAM private key could not sign.', () => rsaSign(key, challenge));
  return encodeBase64(signature);
}
