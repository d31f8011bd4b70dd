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
  constructor(private readonly db: WalletDatabase) {}

  list(atSign: string): Promise<PersonaRecord[]> {
    return this.db.personas.where('[atSign+order]').between([atSign, -Infinity], [atSign, Infinity]).toArray();
  }

  get(id: string): Promise<PersonaRecord | undefined> {
    return this.db.personas.get(id);
  }

  async put(record: PersonaRecord): Promise<void> {
    await this.db.personas.put(record);
  }

  async putAll(records: PersonaRecord[]): Promise<void> {
    await this.db.personas.bulkPut(records);
  }

  async remove(id: string): Promise<void> {
    await this.db.personas.delete(id);
  }

  async removeByAtSign(atSign: string): Promise<void> {
    await this.db.personas.where('atSign').equals(atSign).delete();
  }

  async reseal({ from, to }: CryptoKeyPair): Promise<() => Promise<void>> {
    const records = await this.db.personas.toArray();
    const updated = await Promise.all(records.map(async (r) => ({ ...r, sealed: await seal(to, await unseal(from, r.sealed)) })));
    return async () => void (await this.db.personas.bulkPut(updated));
  }
}
