// Personas between two wallets of one atSign, over the local atServer (TLS,
// verification on); no browser. Each wallet is the real dispatcher and
// services over fake-indexeddb, its link one connection authenticated before
// the clock starts (going online is atserver_connect_auth_ms).
//
// - An edit reaching the other wallet: from wallet A's `wallet_savePersona`
//   call, through the sync that save starts (sync:from, then the update), to
//   wallet B's list showing the new value, B syncing when told of A's commit
//   as its monitor's statsNotification would tell it (told at once here);
//   30 edits.
// - A wallet's first sync: a fresh wallet of the atSign reads every persona on
//   the atServer, written there by another app of the atSign, until its list
//   holds them all — MAX_PERSONAS of them, then 50 (the sync does not cap what
//   it reads); three fields each, the first three named as the new wallet's
//   own Public, Work and Family, which they replace. 15 fresh wallets each.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { AtClient, parseAddress } from '../src/atplatform';
import { tlsConnector } from '../src/atplatform/transports/node-tls';
import { encryptForServer, personaAtKey } from '../src/background/sync/server-values';
import { createPersonaSync } from '../src/background/sync/wallet-sync';
import { readAtKeys, type AtKeys } from '../src/keys';
import { importSelfKey } from '../src/keys/self-key-cipher';
import { decodeBase64 } from '../src/shared/base64';
import { DEFAULT_PERSONAS, MAX_PERSONAS } from '../src/shared/persona';
import { startLocalAtPlatform, type LocalAtPlatform } from '../testing/atplatform/index.mjs';
import { BARBARA, walletWithBarbara } from '../tests/unit/personas/support';
import { record } from './lib/record';
import { median, round, spreadOf } from './lib/stats';

const BARBARA_FILE = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@barbara.atKeys');
const EDITS = 30;
const FRESH_WALLETS = 15;
const MANY = 50;

let platform: LocalAtPlatform;
let keys: AtKeys;
const opened: AtClient[] = [];

beforeAll(async () => {
  keys = await readAtKeys(readFileSync(BARBARA_FILE, 'utf8'));
  platform = await startLocalAtPlatform({ atKeys: [BARBARA_FILE] });
});
afterAll(async () => {
  for (const client of opened.splice(0)) client.close();
  await platform?.stop();
});

/** A connection authenticated as @barbara, as any app of the atSign holds. */
async function owner(): Promise<AtClient> {
  const client = await AtClient.connect(parseAddress(platform.atServers[BARBARA]!), { connect: tlsConnector({ ca: platform.ca }) });
  opened.push(client);
  await client.authenticate(BARBARA, { pkamPrivateKey: keys.pkamPrivateKey });
  return client;
}

/** A wallet of @barbara, online over its own connection; `synced()` is its latest sync's work, done. */
async function wallet() {
  const w = await walletWithBarbara();
  const client = await owner();
  let latest: Promise<unknown> = Promise.resolve();
  w.services.sync = createPersonaSync(
    () => w.services,
    (_atSign, work) => (latest = work(client)),
  );
  return { ...w, synced: () => latest };
}

/** Personas numbered `from` to `to` - 1, written onto the atServer as another app of the atSign would. */
async function writePersonas(from: number, to: number): Promise<void> {
  const client = await owner();
  const selfKey = await importSelfKey(decodeBase64(keys.selfEncryptionKey)!);
  for (let i = from; i < to; i++) {
    const fields = { name: `Barbara ${i}`, email: `barbara+${i}@example.com`, nickname: `Babs ${i}` };
    const { value, metadata } = await encryptForServer(selfKey, { name: DEFAULT_PERSONAS[i] ?? `Persona ${i + 1}`, fields, labels: {} });
    await client.update(personaAtKey(crypto.randomUUID(), BARBARA), value, metadata);
  }
}

/** A fresh wallet's first sync, until its list holds `count` personas; once per fresh wallet. */
async function firstSyncs(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < FRESH_WALLETS; i++) {
    const w = await wallet();
    const start = performance.now();
    await w.services.sync.request(BARBARA);
    const held = (await w.list()).length;
    times.push(performance.now() - start);
    const { waiting, problem } = await w.services.sync.status(BARBARA);
    if (held !== count || waiting !== 0 || problem !== null) throw new Error(`First sync: ${held} of ${count} personas, ${waiting} waiting, ${problem}`);
  }
  return times;
}

it('measures a fresh wallet’s first sync of the full list, and of 50 personas', async ({ task }) => {
  await writePersonas(0, MAX_PERSONAS);
  const full = await firstSyncs(MAX_PERSONAS);
  await writePersonas(MAX_PERSONAS, MANY);
  const many = await firstSyncs(MANY);
  record(task, {
    figures: { persona_sync_first_full_list_ms: round(median(full)), persona_sync_first_50_ms: round(median(many)) },
    spread: { persona_sync_first_full_list_ms: spreadOf(full), persona_sync_first_50_ms: spreadOf(many) },
    context: {
      persona_sync_first_full_list: `${MAX_PERSONAS} personas (MAX_PERSONAS), three fields each, written by another app of the atSign`,
      persona_sync_first_50: `${MANY} personas, three fields each, written by another app of the atSign (more than MAX_PERSONAS; the sync reads them all)`,
    },
  });
});

it('measures an edit in one wallet reaching the other wallet of the atSign', async ({ task }) => {
  const client = await owner();
  for (const key of await client.scan('atwallet')) await client.delete(key);
  const [a, b] = [await wallet(), await wallet()];
  await a.services.sync.request(BARBARA);
  await b.services.sync.request(BARBARA);
  const work = await a.persona('Work');
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const email = `barbara+${i}@work.example`;
    const start = performance.now();
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { name: 'Barbara', email } });
    await a.synced();
    const sent = performance.now() - start;
    // The commit id the monitor's statsNotification would carry: A's, nothing was written after it.
    const latest = (await a.services.personas.get(work.id))?.sync?.commitId ?? Infinity;
    const told = performance.now();
    await b.services.sync.serverCommitted(BARBARA, latest);
    const seen = (await b.persona('Work')).fields.email;
    times.push(sent + performance.now() - told);
    if (seen !== email) throw new Error(`Wallet B shows ${seen}, not ${email}.`);
  }
  record(task, {
    figures: { persona_sync_edit_to_other_wallet_ms: round(median(times)) },
    spread: { persona_sync_edit_to_other_wallet_ms: spreadOf(times) },
    context: {
      persona_sync: 'local atServer, loopback TLS, each wallet on one connection authenticated beforehand; fake-indexeddb in Node',
      persona_sync_edit: `${EDITS} edits of one persona in A, the sync its save starts, then B's sync when told of A's commit`,
    },
  });
});
