// The wallet's one IndexedDB database. Each version() is kept forever: Dexie
// upgrades a database written by any earlier version step by step.
import Dexie, { type EntityTable } from 'dexie';
import type { Grant } from '@/src/shared/grant';

export const DB_NAME = 'atsign-wallet';

export type GrantRecord = Grant;

export class WalletDatabase extends Dexie {
  grants!: EntityTable<GrantRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // One grant per site: `&origin` is unique.
    this.version(1).stores({ grants: 'id, &origin, expiresAt' });
  }
}
