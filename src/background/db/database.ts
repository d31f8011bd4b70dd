// The wallet's one IndexedDB database. Each version() is kept forever: Dexie
// upgrades a database written by any earlier version step by step.
import Dexie, { type EntityTable } from 'dexie';
import type { Grant } from '@/src/shared/grant';
import type { ActivityRecord, LogKeyRecord } from './activity-repo';
import type { IdentityRecord } from './identities-repo';
import type { PersonaRecord } from './personas-repo';
import type { SyncStateRecord, TombstoneRecord } from './sync-repo';
import type { SettingRecord } from './settings-repo';
import type { SiteUseRecord } from './site-use-repo';
import type { VaultRecord } from './vault-repo';

export const DB_NAME = 'atsign-wallet';

export type GrantRecord = Grant;

export class WalletDatabase extends Dexie {
  grants!: EntityTable<GrantRecord, 'id'>;
  vault!: EntityTable<VaultRecord, 'id'>;
  identities!: EntityTable<IdentityRecord, 'atSign'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  personas!: EntityTable<PersonaRecord, 'id'>;
  activity!: EntityTable<ActivityRecord, 'id'>;
  keyring!: EntityTable<LogKeyRecord, 'id'>;
  siteUse!: EntityTable<SiteUseRecord, 'grantId'>;
  syncState!: EntityTable<SyncStateRecord, 'atSign'>;
  tombstones!: EntityTable<TombstoneRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      // One grant per site: `&origin` is unique.
      grants: 'id, &origin, atSign, expiresAt',
      // The one vault record: KDF salt, iterations, and a sealed check value.
      vault: 'id',
      // Public keys in the clear (they are public); private keys sealed.
      identities: 'atSign',
      settings: 'key',
    });
    // Personas: their names and values sealed, their order per atSign indexed.
    this.version(2).stores({ personas: 'id, atSign, [atSign+order]', grants: 'id, &origin, atSign, personaId, expiresAt' });
    // The activity log, newest by id; and the key pair it is encrypted to.
    this.version(3).stores({ activity: '++id, at, kind', keyring: 'id' });
    // When each grant was last used, by grant id.
    this.version(4).stores({ siteUse: 'grantId' });
    // Where each atSign's personas stand with its atServer, and personas
    // deleted here whose deletion has not reached the atServer yet.
    this.version(5).stores({ syncState: 'atSign', tombstones: 'id, atSign' });
  }
}
