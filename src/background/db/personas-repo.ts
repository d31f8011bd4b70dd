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
  /**
   * Where this copy stands with the atServer: the commit it last matched
   * (null: never there), and whether an edit made here has yet to go there.
   * Absent on personas kept before the wallet went online: they go up.
   */
  sync?: { commitId: number | null; pending: boolean };
}

/** An edit made here, still to reach the atServer. */
export const isPending = (record: PersonaRecord): boolean => record.sync?.pending ?? true;

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

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

  /**
   * Deletes a persona. One the atServer holds leaves a tombstone, so the
   * deletion reaches it at the next sync — unless the atServer itself
   * deleted it (`fromServer`).
   */
  async remove(id: string, { fromServer = false }: { fromServer?: boolean } = {}): Promise<void> {
    await this.write(() =>
      this.db.transaction('rw', this.db.personas, this.db.tombstones, async () => {
        const record = await this.db.personas.get(id);
        if (!record) return;
        await this.db.personas.delete(id);
        const commitId = record.sync?.commitId ?? null;
        if (!fromServer && commitId !== null) await this.db.tombstones.put({ id, atSign: record.atSign, commitId });
      }),
    );
  }

  /**
   * Records that the atServer holds `sent` (a persona as it was read to be
   * sent) at `commitId`. An edit made meanwhile stays waiting, now based on
   * that commit, and a deletion made meanwhile waits as a tombstone of it:
   * either way the next sync knows that commit for this wallet's own, not
   * another wallet's edit (which would come back as an "(other wallet)" copy,
   * or bring the deleted persona back).
   */
  async markSent(sent: PersonaRecord, commitId: number | null): Promise<void> {
    await this.write(() =>
      this.db.transaction('rw', this.db.personas, this.db.tombstones, async () => {
        const record = await this.db.personas.get(sent.id);
        if (commitId === null) {
          if (record && sameBytes(record.sealed.iv, sent.sealed.iv)) await this.db.personas.put({ ...record, sync: { commitId, pending: false } });
          return;
        }
        if (!record) {
          await this.db.tombstones.put({ id: sent.id, atSign: sent.atSign, commitId });
          return;
        }
        await this.db.personas.put({ ...record, sync: { commitId, pending: !sameBytes(record.sealed.iv, sent.sealed.iv) } });
      }),
    );
  }

  /**
   * Writes `next` (or, for null, deletes without a tombstone) only if the
   * persona is still as `expected` was read — absent, for null. The sync uses
   * it, so a person's edit made while it worked is never written over.
   * Resolves false, changing nothing, when it changed.
   */
  async putIfUnchanged(id: string, expected: PersonaRecord | null, next: PersonaRecord | null): Promise<boolean> {
    return this.write(() =>
      this.db.transaction('rw', this.db.personas, async () => {
        const current = await this.db.personas.get(id);
        const unchanged =
          expected === null
            ? current === undefined
            : current !== undefined && current.order === expected.order && isPending(current) === isPending(expected) && sameBytes(current.sealed.iv, expected.sealed.iv);
        if (!unchanged) return false;
        if (next === null) await this.db.personas.delete(id);
        else await this.db.personas.put(next);
        return true;
      }),
    );
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
