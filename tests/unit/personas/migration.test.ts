// A wallet installed before personas existed (database version 1) upgrades in
// place: nothing the person had is lost, and the personas table starts empty.
import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WalletDatabase } from '@/src/background/db/database';
import { GrantsRepo } from '@/src/background/db/grants-repo';
import { makeGrant } from '../support/grants';

/** The stores exactly as version 1 of database.ts declared them. */
const V1_STORES = {
  grants: 'id, &origin, atSign, expiresAt',
  vault: 'id',
  identities: 'atSign',
  settings: 'key',
};

const grant = makeGrant({ origin: 'https://shop.example', atSign: '@barbara', personaId: 'persona-1' });
const settings = [
  { key: 'activeAtSign', value: '@barbara' },
  { key: 'autoLockMinutes', value: 30 },
];
const identity = {
  atSign: '@barbara',
  source: 'imported',
  addedAt: 1_700_000_000_000,
  fingerprint: 'ab:cd:ef',
  pkamFingerprint: '01:23:45',
  signingPublicKey: 'c2lnbmluZy1rZXk',
  pkamPublicKey: 'MIIBIjANBgkqh…pkam',
  encryptionPublicKey: 'MIIBIjANBgkqh…enc',
  binding: { atKey: 'public:signing@barbara', value: 'v', dataSignature: 's', encryptionPublicKey: 'e' },
  secrets: { iv: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), data: new Uint8Array([200, 201, 202]) },
};
const vault = { id: 'vault', salt: new Uint8Array([9, 8, 7]), iterations: 600_000, check: { iv: new Uint8Array(12), data: new Uint8Array([1]) } };

async function writtenByVersion1(): Promise<string> {
  const name = `atsign-wallet-migration-${crypto.randomUUID()}`;
  onTestFinished(() => Dexie.delete(name));
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('grants').put(grant);
  await v1.table('settings').bulkPut(settings);
  await v1.table('identities').put(identity);
  await v1.table('vault').put(vault);
  v1.close();
  return name;
}

async function openedNow(name: string): Promise<WalletDatabase> {
  const db = new WalletDatabase(name);
  onTestFinished(() => db.close());
  await db.open();
  return db;
}

describe('upgrading a version 1 database', () => {
  it('reads back every row whole', async () => {
    const db = await openedNow(await writtenByVersion1());
    expect(await db.grants.toArray()).toEqual([grant]);
    expect(await db.settings.toArray()).toEqual(expect.arrayContaining(settings));
    expect(await db.settings.count()).toBe(2);
    expect(await db.identities.toArray()).toEqual([identity]);
    expect(await db.vault.toArray()).toEqual([vault]);
  });

  it('has an empty personas table, ready for use', async () => {
    const db = await openedNow(await writtenByVersion1());
    expect(db.tables.map((t) => t.name)).toContain('personas');
    expect(await db.personas.count()).toBe(0);
    const record = { id: 'p1', atSign: '@barbara', order: 0, sealed: { iv: new Uint8Array(12), data: new Uint8Array([1]) } };
    await db.personas.put(record);
    expect(await db.personas.where('[atSign+order]').equals(['@barbara', 0]).toArray()).toEqual([record]);
  });

  it('finds an old grant by its persona, and still allows one grant per site', async () => {
    const db = await openedNow(await writtenByVersion1());
    expect(await new GrantsRepo(db).byPersona('persona-1')).toEqual([grant]);
    await expect(db.grants.add(makeGrant({ origin: 'https://shop.example' }))).rejects.toThrow();
    expect(await db.grants.count()).toBe(1);
  });

  it('upgrades only once: reopening keeps everything', async () => {
    const name = await writtenByVersion1();
    (await openedNow(name)).close();
    const db = await openedNow(name);
    // The newest version the wallet declares, whatever it is when this runs.
    expect(db.verno).toBe(new WalletDatabase(name).verno);
    expect(await db.grants.toArray()).toEqual([grant]);
    expect(await db.identities.toArray()).toEqual([identity]);
  });
});
