import type { KeyBinding } from '@/src/keys';
import type { IdentitySummary } from '@/src/shared/wallet-state';
import type { SealedStore } from '../vault/sealed-store';
import { seal, unseal, type Sealed } from '../vault/sealing';
import type { CryptoKeyPair } from '../vault/types';
import type { WalletDatabase } from './database';
import { ReadCache } from './read-cache';

/** What is sealed for each atSign: everything that must never be readable at rest. */
export interface IdentitySecrets {
  pkamPrivateKey: string;
  encryptionPrivateKey: string;
  selfEncryptionKey: string;
  /** base64url ed25519 seed of the wallet signing key */
  signingSeed: string;
  /** the rest of the imported file (apkamSymmetricKey, enrollmentId, …), kept for export */
  extra: Record<string, unknown>;
}

export interface IdentityRecord extends IdentitySummary {
  pkamPublicKey: string;
  encryptionPublicKey: string;
  binding: KeyBinding;
  secrets: Sealed;
}

export function toSummary(record: IdentityRecord): IdentitySummary {
  const { atSign, fingerprint, pkamFingerprint, source, addedAt, signingPublicKey } = record;
  return { atSign, fingerprint, pkamFingerprint, source, addedAt, signingPublicKey };
}

export class IdentitiesRepo implements SealedStore {
  /** Every sign-in reads its atSign's keys. */
  private readonly cache = new ReadCache<string, IdentityRecord>();

  constructor(private readonly db: WalletDatabase) {}

  async list(): Promise<IdentityRecord[]> {
    const all = await this.db.identities.toArray();
    return all.sort((a, b) => a.addedAt - b.addedAt);
  }

  get(atSign: string): Promise<IdentityRecord | undefined> {
    return this.cache.read(atSign, () => this.db.identities.get(atSign));
  }

  /** Resolves false, writing nothing, when the atSign is already in the wallet. */
  async add(record: IdentityRecord): Promise<boolean> {
    return this.cache.write(() =>
      this.db.transaction('rw', this.db.identities, async () => {
        if (await this.db.identities.get(record.atSign)) return false;
        await this.db.identities.add(record);
        return true;
      }),
    );
  }

  async remove(atSign: string): Promise<void> {
    await this.cache.write(() => this.db.identities.delete(atSign));
  }

  async reseal({ from, to }: CryptoKeyPair): Promise<() => Promise<void>> {
    const records = await this.db.identities.toArray();
    const updated = await Promise.all(
      records.map(async (r) => ({ ...r, secrets: await seal(to, await unseal<IdentitySecrets>(from, r.secrets)) })),
    );
    return () => this.cache.write(async () => void (await this.db.identities.bulkPut(updated)));
  }
}
