// Keys, faithful to the atPlatform (DESIGN §2): .atKeys files, atSign rules,
// PKAM signatures, and the wallet's ed25519 signing key bound to the atSign.
// Pure: WebCrypto and @noble only, so it runs in the extension and in Node.

export type { AtKeys, AtSignCheck, KeyBinding, SigningKey } from './types';
export { AtKeysError, type AtKeysProblem } from './errors';
export { MAX_ATKEYS_BYTES } from './atkeys-format';
export { readAtKeys } from './read-atkeys';
export { writeAtKeys } from './write-atkeys';
export { generateAtKeys } from './generate-atkeys';
export { fingerprint } from './fingerprint';
export { checkAtSign, MAX_ATSIGN_CHARS } from './atsign';
export { signPkamChallenge } from './pkam';
export { generateSigningKey, signingPublicKey, signEd25519 } from './ed25519';
export {
  bindSigningKey,
  parseSigningAtKey,
  signingKeyAtKey,
  signingKeyId,
  SIGNING_KEY_PREFIX,
  verifyKeyBinding,
  walletSigningAtKey,
} from './key-binding';
