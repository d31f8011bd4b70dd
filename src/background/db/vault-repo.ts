import type { Sealed } from '../vault/sealing';
import type { WalletDatabase } from './database';

export interface VaultRecord {
  id: 'vault';
  kdf: 'PBKDF2-SHA256';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** A known value sealed with the vault key: unsealing it proves the passphrase. */
  check: Sealed;
  createdAt: number;
  /** Wrong passphrases in a row, kept on disk so a restart does not reset the delay. */
  failures: number;
  lastFailureAt: number | null;
}

export class VaultRepo {
  constructor(private readonly db: WalletDatabase) {}

  get(): Promise<VaultRecord | undefined> {
    return this.db.vault.get('vault');
  }

  async put(record: VaultRecord): Promise<void> {
    await this.db.vault.put(record);
  }

  async recordFailure(at: number): Promise<number> {
    const record = await this.get();
    const failures = (record?.failures ?? 0) + 1;
    await this.db.vault.update('vault', { failures, lastFailureAt: at });
    return failures;
  }

  async clearFailures(): Promise<void> {
    await this.db.vault.update('vault', { failures: 0, lastFailureAt: null });
  }
}
