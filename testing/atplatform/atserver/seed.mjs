// What an activated atSign's atServer holds from its .atKeys: the PKAM public
// key (the server's `privatekey:at_pkam_publickey`) and the encryption public
// key at `public:publickey@alice`. The private keys and the self encryption
// key stay with the approver, the stand-in for the person's other app.
import { createPrivateKey } from 'node:crypto';
import { aesDecrypt } from './crypto.mjs';

const FIELDS = {
  pkamPublicKey: 'aesPkamPublicKey',
  encryptionPublicKey: 'aesEncryptPublicKey',
  encryptionPrivateKey: 'aesEncryptPrivateKey',
};

/** The decrypted keys of a parsed .atKeys document; throws naming the field at fault. */
export function openAtKeys(atKeys) {
  const selfEncryptionKey = atKeys.selfEncryptionKey;
  if (typeof selfEncryptionKey !== 'string') throw new Error('The .atKeys has no selfEncryptionKey.');
  const keys = { selfEncryptionKey };
  for (const [name, field] of Object.entries(FIELDS)) {
    if (typeof atKeys[field] !== 'string') throw new Error(`The .atKeys has no ${field}.`);
    try {
      keys[name] = aesDecrypt(selfEncryptionKey, atKeys[field]);
    } catch (error) {
      throw new Error(`The .atKeys field ${field} does not decrypt with its selfEncryptionKey: ${error.message}`);
    }
  }
  keys.encryptionPrivateKeyObject = createPrivateKey({ key: Buffer.from(keys.encryptionPrivateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return keys;
}
