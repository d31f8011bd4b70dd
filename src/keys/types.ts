// The shapes other parts of the wallet build against (DESIGN §2).

export interface AtKeys {
  /** Normalised, e.g. "@alice🛠". */
  atSign: string;
  /** base64 DER SPKI (RSA-2048). */
  pkamPublicKey: string;
  /** base64 DER PKCS#8. */
  pkamPrivateKey: string;
  /** base64 DER SPKI. */
  encryptionPublicKey: string;
  /** base64 DER PKCS#8. */
  encryptionPrivateKey: string;
  /** base64, 32-byte AES key. */
  selfEncryptionKey: string;
  /**
   * Every other top-level key of the file (apkamSymmetricKey, enrollmentId,
   * version, atsign, keys, anything unknown), kept verbatim so an export never
   * drops what the wallet does not understand.
   */
  extra: Record<string, unknown>;
}

export type AtSignCheck = { ok: true; atSign: string } | { ok: false; problems: string[] };

/** Both base64url without padding; ed25519, 32 bytes each. */
export interface SigningKey {
  seed: string;
  publicKey: string;
}

/** A signed public atKey binding the wallet's ed25519 key to an atSign. */
export interface KeyBinding {
  /** `public:<key id>.signing_key.atwallet@alice` (or, from the first wallets, `public:signing_key.atwallet@alice`) */
  atKey: string;
  /** base64url ed25519 public key */
  value: string;
  /** base64 RSASSA-PKCS1-v1_5/SHA-256 by the encryption private key over UTF-8 `value` */
  dataSignature: string;
  /** base64 DER SPKI — what `public:publickey@alice` holds */
  encryptionPublicKey: string;
}
