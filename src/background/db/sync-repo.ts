// Where an atSign's personas stand with its atServer: how far the wallet has
// read the atServer's changes (its commit id), when it last finished a sync,
// and whether the person reordered the list here since. Personas deleted here
// wait as tombstones — an id and nothing the person wrote — until the atServer
// has deleted them too.
import type { WalletDatabase } from './database';

export interface SyncStateRecord {
  atSign: string;
  /** The last atServer commit read; -1 before the first sync. */
  cursor: number;
  lastSyncedAt: number | null;
  /** A fresh id when the person reorders the list here; null once the atServer has that order. */
  orderPending: string | null;
}

export interface TombstoneRecord {
  id: string;
  atSign: string;
  /** The atServer commit the deleted persona matched. */
  commitId: number;
}

const fresh = (atSign: string): SyncStateRecord => ({ atSign, cursor: -1, lastSyncedAt: null, orderPending: null });

export class SyncRepo {
  constructor(private readonly db: WalletDatabase) {}

  async get(atSign: string): Promise<SyncStateRecord> {
    return (await this.db.syncState.get(atSign)) ?? fresh(atSign);
  }

  async update(atSign: string, change: Partial<Omit<SyncStateRecord, 'atSign'>>): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      await this.db.syncState.put({ ...(await this.get(atSign)), ...change });
    });
  }

  /** The order goes to the atServer at the next sync. */
  orderChanged(atSign: string): Promise<void> {
    return this.update(atSign, { orderPending: crypto.randomUUID() });
  }

  /** The atServer has the order that was pending as `pending`; a reorder since keeps it waiting. */
  async orderSent(atSign: string, pending: string): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      const state = await this.get(atSign);
      if (state.orderPending === pending) await this.db.syncState.put({ ...state, orderPending: null });
    });
  }

  tombstones(atSign: string): Promise<TombstoneRecord[]> {
    return this.db.tombstones.where('atSign').equals(atSign).toArray();
  }

  tombstone(id: string): Promise<TombstoneRecord | undefined> {
    return this.db.tombstones.get(id);
  }

  async dropTombstone(id: string): Promise<void> {
    await this.db.tombstones.delete(id);
  }

  async removeByAtSign(atSign: string): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, this.db.tombstones, async () => {
      await this.db.syncState.delete(atSign);
      await this.db.tombstones.where('atSign').equals(atSign).delete();
    });
  }
}
