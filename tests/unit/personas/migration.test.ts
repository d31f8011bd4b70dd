// A wallet installed before personas existed (database version 1) upgrades in
// place: nothing the person had is lost, and the personas table starts empty.
// A wallet from version 3 (personas and the activity log, before site use was
// kept) upgrades too, and its sealed rows still open with the passphrase.
import Dexie from 'dexie';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServices } from '@/src/background';
import type { UiCaller } from '@/src/background/caller';
import { WalletDatabase } from '@/src/background/db/database';
import { GrantsRepo } from '@/src/background/db/grants-repo';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { deriveKeyBytes, importVaultKey, unseal } from '@/src/background/vault/sealing';
import type { Persona } from '@/src/shared/persona';
import type { Reply } from '@/src/shared/protocol';
import { makeGrant } from '../support/grants';
import { BARBARA, PASSPHRASE, walletWithBarbara } from './support';

/** The stores exactly as version 1 of database.ts declared them. */
const V1_STORES = {
  grants: 'id, &origin, atSign, expiresAt',
  vault: 'id',
  identities: 'atSign',
  settings: 'key',
};

/** The stores exactly as versions 2 and 3 of database.ts added them, on top of version 1. */
const V2_STORES = { personas: 'id, atSign, [atSign+order]', grants: 'id, &origin, atSign, personaId, expiresAt' };
const V3_STORES = { activity: '++id, at, kind', keyring: 'id' };
const V3_TABLES = ['grants', 'vault', 'identities', 'settings', 'personas', 'activity', 'keyring'] as const;

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

type Rows = Record<(typeof V3_TABLES)[number], unknown[]>;

/**
 * A database written at version 3: a real wallet's rows (vault set up, @barbara
 * imported, personas with values sealed by the vault key, a grant, the activity
 * log and its key pair, settings) copied into a database declared exactly as
 * version 3 declared it.
 */
async function writtenByVersion3(): Promise<{ name: string; rows: Rows; personas: Persona[] }> {
  const w = await walletWithBarbara();
  const work = await w.persona('Work');
  await w.ok('wallet_savePersona', {
    id: work.id,
    name: 'Work',
    fields: { name: 'Barbara Jones', email: 'barbara@work.example', 'x-github': 'bj-octo' },
    labels: { 'x-github': 'GitHub' },
  });
  await w.ok('wallet_savePersona', { name: 'Choir', fields: { nickname: 'Babs' } });
  await w.grant('https://shop.example', work.id, ['name', 'email']);
  await w.services.activity.record('read', 'https://shop.example', ['name', 'email']);
  await w.services.activity.record('disconnect', 'https://old.example', ['nickname']);
  await w.ok('wallet_setAutoLock', { minutes: 30 });
  const personas = await w.list();

  const rows = Object.fromEntries(
    await Promise.all(V3_TABLES.map(async (table) => [table, await w.db.table(table).toArray()] as const)),
  ) as Rows;
  // Every table of version 3 has something in it, so every one is checked.
  for (const table of V3_TABLES) expect(rows[table].length, table).toBeGreaterThan(0);

  const name = `atsign-wallet-migration-${crypto.randomUUID()}`;
  onTestFinished(() => Dexie.delete(name));
  const v3 = new Dexie(name);
  v3.version(1).stores(V1_STORES);
  v3.version(2).stores(V2_STORES);
  v3.version(3).stores(V3_STORES);
  await v3.open();
  await v3.transaction('rw', V3_TABLES, async () => {
    for (const table of V3_TABLES) await v3.table(table).bulkPut(rows[table]);
  });
  v3.close();
  return { name, rows, personas };
}

const UI: UiCaller = { kind: 'ui' };

describe('upgrading a version 3 database', () => {
  it('reads back every row of every table whole', async () => {
    const { name, rows } = await writtenByVersion3();
    const db = await openedNow(name);
    expect(db.verno).toBe(new WalletDatabase(name).verno);
    for (const table of V3_TABLES) expect(await db.table(table).toArray(), table).toEqual(rows[table]);
    expect(await db.siteUse.count()).toBe(0);
  });

  it('unseals its personas with the passphrase, and the wallet shows them and the log as before', async () => {
    const { name, rows, personas } = await writtenByVersion3();
    const db = await openedNow(name);

    // By hand: the passphrase's key opens a persona as stored.
    const vault = (await db.vault.get('vault'))!;
    const key = await importVaultKey(await deriveKeyBytes(PASSPHRASE, vault.salt, vault.iterations));
    const workRow = (await db.personas.toArray()).find((r) => r.id === personas.find((p) => p.name === 'Work')!.id)!;
    expect(await unseal(key, workRow.sealed)).toMatchObject({
      name: 'Work',
      fields: { name: 'Barbara Jones', email: 'barbara@work.example', 'x-github': 'bj-octo' },
      labels: { 'x-github': 'GitHub' },
    });

    // Through the wallet: a browser that starts locked, over the upgraded database.
    fakeBrowser.reset();
    const dispatch = createDispatcher(handlers, createServices(fakeBrowser as unknown as Browser, db, 1_000));
    const call = async (method: string, params?: unknown) => {
      const reply: Reply = await dispatch({ method, params }, UI);
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result as never;
    };
    expect(await call('wallet_getState')).toMatchObject({ unlocked: false, activeAtSign: BARBARA });
    await call('wallet_unlock', { passphrase: PASSPHRASE });
    expect(await call('wallet_listPersonas')).toEqual(personas);
    const { entries } = (await call('wallet_listActivity')) as { entries: { kind: string; origin: string; fields: string[] }[] };
    expect(entries.map(({ kind, origin, fields }) => ({ kind, origin, fields }))).toEqual([
      { kind: 'disconnect', origin: 'https://old.example', fields: ['nickname'] },
      { kind: 'read', origin: 'https://shop.example', fields: ['name', 'email'] },
    ]);
    expect(await new GrantsRepo(db).byPersona(workRow.id)).toEqual(rows.grants);
  });
});
