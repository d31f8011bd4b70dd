import type { SealedStore } from '../vault/sealed-store';
import { seal, unseal, type Sealed } from '../vault/sealing';
import type { CryptoKeyPair } from '../vault/types';
import type { WalletDatabase } from './database';
import { ReadCache } from './read-cache';

/** The persona as stored: everything the person wrote is sealed, even its name. */
export interface PersonaRecord {
  id: string;
  atSign: string;
  order: number;
  sealed: Sealed;
}

export class PersonasRepo implements SealedStore {
  /** Every read a site makes looks its persona up. */
  private readonly cache = new ReadCache<string, PersonaRecord>();

  constructor(private readonly db: WalletDatabase) {}

  private write<T>(change: () => Promise<T>): Promise<T> {
    return this.cache.write(change);
  }

  list(atSign: string): Promise<PersonaRecord[]> {
    return this.db.personas.where('[atSign+order]').between([atSign, -Infinity], [atSign, Infinity]).toArray();
  }

  async get(id: string): Promise<PersonaRecord | undefined> {
    return this.cache.read(id, () => this.db.personas.get(id));
  }

  async put(record: PersonaRecord): Promise<void> {
    await this.write(() => this.db.personas.put(record));
  }

  async putAll(records: PersonaRecord[]): Promise<void> {
    await this.write(() => this.db.personas.bulkPut(records));
  }

  async remove(id: string): Promise<void> {
    await this.write(() => this.db.personas.delete(id));
  }

  async removeByAtSign(atSign: string): Promise<void> {
    await this.write(() => this.db.personas.where('atSign').equals(atSign).delete());
  }

  async reseal({ from, to }: CryptoKeyPair): Promise<() => Promise<void>> {
    const records = await this.db.personas.toArray();
    const updated = await Promise.all(records.map(async (r) => ({ ...r, sealed: await seal(to, await unseal(from, r.sealed)) })));
    return () => this.putAll(updated);
  }
}
