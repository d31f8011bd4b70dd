import type { SealedStore } from '../vault/sealed-store';
import { seal, unseal, type Sealed } from '../vault/sealing';
import type { CryptoKeyPair } from '../vault/types';
import type { WalletDatabase } from './database';

/** The persona as stored: everything the person wrote is sealed, even its name. */
export interface PersonaRecord {
  id: string;
  atSign: string;
  order: number;
  sealed: Sealed;
}

export class PersonasRepo implements SealedStore {
  /**
   * Sealed records by id, as last read: a site's every read looks its persona
   * up. The background is the only writer; each write clears this before and
   * after, and a read that overlapped a write is not kept.
   */
  private readonly byId = new Map<string, PersonaRecord | null>();
  private writes = 0;

  constructor(private readonly db: WalletDatabase) {}

  private async write<T>(change: () => Promise<T>): Promise<T> {
    this.writes++;
    this.byId.clear();
    try {
      return await change();
    } finally {
      this.writes++;
      this.byId.clear();
    }
  }

  list(atSign: string): Promise<PersonaRecord[]> {
    return this.db.personas.where('[atSign+order]').between([atSign, -Infinity], [atSign, Infinity]).toArray();
  }

  async get(id: string): Promise<PersonaRecord | undefined> {
    const cached = this.byId.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const before = this.writes;
    const record = await this.db.personas.get(id);
    if (before === this.writes) this.byId.set(id, record ?? null);
    return record;
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
