// An activated atSign's keys, from its .atKeys file (DESIGN §2): each
// aes…Key field is AES-256-CTR (zero IV, PKCS#7) under selfEncryptionKey.
// What the server keeps of them is written by seedActivatedAtSign; the
// private keys stay with the approver, the stand-in for the person's other app.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { aesDecrypt, aesEncrypt } from './crypto.mjs';

const FIELDS = {
  pkamPublicKey: 'aesPkamPublicKey',
  pkamPrivateKey: 'aesPkamPrivateKey',
  encryptionPublicKey: 'aesEncryptPublicKey',
  encryptionPrivateKey: 'aesEncryptPrivateKey',
};

/** The decrypted keys of a parsed .atKeys document; throws naming the field at fault. */
export function openAtKeys(atKeys) {
  if (typeof atKeys !== 'object' || atKeys === null || Array.isArray(atKeys)) throw new Error('The .atKeys must be a JSON object.');
  const selfEncryptionKey = atKeys.selfEncryptionKey;
  if (typeof selfEncryptionKey !== 'string' || Buffer.from(selfEncryptionKey, 'base64').length !== 32) {
    throw new Error('The .atKeys has no selfEncryptionKey (a base64 AES-256 key).');
  }
  const keys = { selfEncryptionKey };
  for (const [name, field] of Object.entries(FIELDS)) {
    if (typeof atKeys[field] !== 'string') throw new Error(`The .atKeys has no ${field}.`);
    try {
      keys[name] = aesDecrypt(selfEncryptionKey, atKeys[field]);
    } catch (error) {
      throw new Error(`The .atKeys field ${field} does not decrypt with its selfEncryptionKey: ${error.message}`);
    }
  }
  for (const name of ['pkamPublicKey', 'encryptionPublicKey']) {
    try {
      createPublicKey({ key: Buffer.from(keys[name], 'base64'), format: 'der', type: 'spki' });
    } catch (error) {
      throw new Error(`The .atKeys ${name === 'pkamPublicKey' ? 'aesPkamPublicKey' : 'aesEncryptPublicKey'} is not a base64 DER public key: ${error.message}`);
    }
  }
  try {
    keys.encryptionPrivateKeyObject = createPrivateKey({ key: Buffer.from(keys.encryptionPrivateKey, 'base64'), format: 'der', type: 'pkcs8' });
    keys.pkamPrivateKeyObject = createPrivateKey({ key: Buffer.from(keys.pkamPrivateKey, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new Error(`The .atKeys private keys are not PKCS#8 RSA keys: ${error.message}`);
  }
  // An atSign onboarded by APKAM also names its first enrollment.
  keys.enrollmentId = typeof atKeys.enrollmentId === 'string' && atKeys.enrollmentId !== '' ? atKeys.enrollmentId : null;
  keys.apkamSymmetricKey = typeof atKeys.apkamSymmetricKey === 'string' ? atKeys.apkamSymmetricKey : null;
  return keys;
}

/**
 * What an activated atSign's server holds: the PKAM public key (not in the
 * commit log), `public:publickey@alice` as the onboarding's plain `update`
 * wrote it (commit 0), and — for an atSign onboarded by APKAM — its first
 * enrollment, approved with `__manage` and `*` as `cram` + `enroll:request`
 * leave it, with the keys it stored encrypted under the APKAM symmetric key.
 */
export function seedActivatedAtSign(store, atSign, keys, sessionId) {
  store.put('privatekey:at_pkam_publickey', keys.pkamPublicKey, {}, { skipCommit: true });
  store.put(`public:publickey${atSign}`, keys.encryptionPublicKey, { isBinary: false, isEncrypted: false });
  // The onboarding's last step, `delete:privatekey:at_secret`, leaves this marker.
  store.put('privatekey:at_secret_deleted', 'true');
  if (keys.enrollmentId === null) return;
  const id = keys.enrollmentId;
  const enrollment = {
    sessionId,
    appName: 'firstApp',
    deviceName: 'firstDevice',
    namespaces: { __manage: 'rw', '*': 'rw' },
    apkamPublicKey: keys.pkamPublicKey,
    requestType: 'newEnrollment',
    approval: { state: 'approved' },
    encryptedAPKAMSymmetricKey: null,
    apkamKeysExpiryInMillis: 0,
  };
  store.put(`${id}.new.enrollments.__manage${atSign}`, JSON.stringify(enrollment), {}, { skipCommit: true });
  const sealed = (plain) => (keys.apkamSymmetricKey === null ? null : aesEncrypt(keys.apkamSymmetricKey, plain));
  store.put(`${id}.default_enc_private_key.__manage${atSign}`, JSON.stringify({ value: sealed(keys.encryptionPrivateKey) }), {}, { skipCommit: true });
  store.put(`${id}.default_self_enc_key.__manage${atSign}`, JSON.stringify({ value: sealed(keys.selfEncryptionKey) }), {}, { skipCommit: true });
}
