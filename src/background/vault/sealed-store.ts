import type { CryptoKeyPair } from './types';

/**
 * A repository that keeps sealed data. When the passphrase changes, each one
 * re-seals its records in memory first; the writes then happen together in
 * one transaction, so the change is all or nothing.
 */
export interface SealedStore {
  reseal(keys: CryptoKeyPair): Promise<() => Promise<void>>;
}
