/** The vault key before and after a passphrase change. */
export interface CryptoKeyPair {
  from: CryptoKey;
  to: CryptoKey;
}
