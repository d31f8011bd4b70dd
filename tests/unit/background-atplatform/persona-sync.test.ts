// Personas on the atServer, between two wallets of one atSign, against a
// local atServer over TLS, verification on. Each wallet is the real dispatcher
// and services; its link is a connection the test opens and can take away
// (offline). What is checked is what the person sees in each wallet, what a
// site hears, and what lies on the atServer.
import { createDecipheriv } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtClient, type AtSyncEntry } from '@/src/atplatform';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import { createPersonaSync } from '@/src/background/sync/wallet-sync';
import { copyName } from '@/src/background/sync/persona-sync';
import { encryptForServer, personaAtKey } from '@/src/background/sync/server-values';
import { importSelfKey } from '@/src/keys/self-key-cipher';
import { MAX_PERSONAS } from '@/src/shared/persona';
import { readAtKeys, type AtKeys } from '@/src/keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { addressOf } from '../atplatform/support/local-doors';
import { BARBARA, PASSPHRASE, walletWithBarbara, type Wallet } from '../personas/support';
import { readFileSync } from 'node:fs';

const BARBARA_FILE = fileURLToPath(new URL('../../fixtures/atkeys/@barbara.atKeys', import.meta.url));

let platform: LocalAtPlatform;
let keys: AtKeys;
const opened: AtClient[] = [];

beforeAll(async () => {
  keys = await readAtKeys(readFileSync(BARBARA_FILE, 'utf8'));
  platform = await startLocalAtPlatform({ atKeys: [BARBARA_FILE] });
}, 60_000);
afterAll(() => platform?.stop());
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
});

async function owner(): Promise<AtClient> {
  const client = await AtClient.connect(addressOf(platform, BARBARA), { connect: tlsConnector({ ca: platform.ca }) });
  opened.push(client);
  await client.authenticate(BARBARA, { pkamPrivateKey: keys.pkamPrivateKey });
  return client;
}

// Each test starts with no personas on the atServer.
beforeEach(async () => {
  const client = await owner();
  for (const key of await client.scan('atwallet')) await client.delete(key);
});

type Online = Wallet & { online: boolean; sync(): Promise<void> };

/** A wallet of @barbara whose link is one authenticated connection, there while `online`. */
async function wallet(): Promise<Online> {
  const w = (await walletWithBarbara()) as Online;
  const client = await owner();
  w.online = true;
  w.services.sync = createPersonaSync(
    () => w.services,
    (_atSign, work) => (w.online ? work(client) : Promise.resolve(null)),
  );
  w.sync = () => w.services.sync.request(BARBARA);
  return w;
}

const view = async (w: Wallet) => (await w.list()).map(({ name, fields }) => ({ name, fields }));

/** What the atServer holds under the wallet's keys, read as any app of the atSign would. */
async function onServer(): Promise<AtSyncEntry[]> {
  return (await (await owner()).syncFrom(-1, { regex: 'atwallet' })).filter((e) => e.operation !== '-');
}

describe('personas between two wallets of one atSign', () => {
  it('an edit in one wallet reaches the other, and its sites, without duplicating the starting personas', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    // B joined with its own Public, Work and Family, never edited: the atServer's take their places.
    expect(await b.names()).toEqual(['Public', 'Work', 'Family']);
    expect((await b.list()).map((p) => p.id)).toEqual((await a.list()).map((p) => p.id));

    const work = await b.persona('Work');
    await b.grant('https://shop.example', work.id, ['email']);
    const emit = vi.spyOn(b.services.events, 'emit');
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'barbara@work.example', name: 'Barbara' } });
    await a.sync();
    await b.sync();
    expect(await b.persona('Work')).toMatchObject({ fields: { email: 'barbara@work.example', name: 'Barbara' } });
    expect(emit.mock.calls).toEqual([['https://shop.example', 'profileChanged', { email: 'barbara@work.example' }]]);
  });

  it('keeps on the atServer only ciphertext, which any app holding the self encryption key can open', async () => {
    const a = await wallet();
    const work = await a.persona('Work');
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'barbara@work.example' } });
    await a.sync();
    const entry = (await onServer()).find((e) => e.atKey === personaAtKey(work.id, BARBARA))!;
    expect(entry.metadata).toMatchObject({ isEncrypted: 'true', ivNonce: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) });
    expect(JSON.stringify(await onServer())).not.toMatch(/barbara@work\.example|Work|Public|Family/);
    // AES-256-CTR with the ivNonce, PKCS#7 padding: what Atsign's SDKs do with a self key.
    const decipher = createDecipheriv('aes-256-ctr', Buffer.from(keys.selfEncryptionKey, 'base64'), Buffer.from(entry.metadata!.ivNonce!, 'base64'));
    const padded = Buffer.concat([decipher.update(Buffer.from(entry.value!, 'base64')), decipher.final()]);
    const plain = padded.subarray(0, padded.length - padded[padded.length - 1]!).toString('utf8');
    expect(JSON.parse(plain)).toEqual({ name: 'Work', fields: { email: 'barbara@work.example' }, labels: {} });
  });

  it('keeps edits made offline waiting, and sends them once, when back online', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    a.online = false;
    const family = await a.persona('Family');
    await a.ok('wallet_savePersona', { id: family.id, name: 'Home', fields: { nickname: 'Babs' } });
    await a.ok('wallet_savePersona', { name: 'Chess club', fields: {} });
    await a.sync();
    expect(await a.services.sync.status(BARBARA)).toMatchObject({ waiting: 2 });
    await b.sync();
    expect(await b.names()).toEqual(['Public', 'Work', 'Family']);

    a.online = true;
    await a.sync();
    await a.sync();
    expect(await a.services.sync.status(BARBARA)).toEqual({ waiting: 0, lastSyncedAt: expect.any(Number), problem: null });
    await b.sync();
    expect(await view(b)).toEqual(await view(a));
    expect(await b.names()).toEqual(['Public', 'Work', 'Home', 'Chess club']);
    expect((await onServer()).filter((e) => e.atKey.includes('.personas.'))).toHaveLength(4);
  });

  it('keeps both versions when two wallets edited the same persona offline', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    const work = await a.persona('Work');
    a.online = b.online = false;
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'a@work.example' } });
    await b.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    a.online = b.online = true;
    await a.sync();
    await b.sync();
    await a.sync();
    // B's edit is the later commit, so it is Work; A's is kept beside it.
    expect(await b.persona('Work')).toMatchObject({ id: work.id, fields: { email: 'b@work.example' } });
    expect(await b.persona(copyName('Work'))).toMatchObject({ fields: { email: 'a@work.example' } });
    expect(await view(a)).toEqual(await view(b));
  });

  it('never writes over an edit the person makes while a sync is applying the other wallet’s', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    const work = await a.persona('Work');
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'a@work.example' } });
    await a.sync();
    // The person saves Work in B just after B's sync has read it, before B writes A's version.
    const read = b.services.personas.get.bind(b.services.personas);
    let edited = false;
    vi.spyOn(b.services.personas, 'get').mockImplementation(async (id) => {
      const record = await read(id);
      if (id === work.id && !edited) {
        edited = true;
        await b.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { nickname: 'Bee' } });
      }
      return record;
    });
    await b.sync();
    expect(edited).toBe(true);
    expect(await b.persona('Work')).toMatchObject({ fields: { nickname: 'Bee' } });
    expect(await b.persona(copyName('Work'))).toMatchObject({ fields: { email: 'a@work.example' } });
  });

  /** Runs `during` once, just as the sync records that `id` reached the atServer. */
  function whenSent(w: Wallet, id: string, during: () => Promise<unknown>) {
    const markSent = w.services.personas.markSent.bind(w.services.personas);
    let ran = false;
    vi.spyOn(w.services.personas, 'markSent').mockImplementation(async (sent, commitId) => {
      if (sent.id === id && !ran) {
        ran = true;
        await during();
      }
      return markSent(sent, commitId);
    });
    return () => ran;
  }

  it('sends an edit the person made while the persona was going up, with no "(other wallet)" copy of its own', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    const work = await a.persona('Work');
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'first@work.example' } });
    const ran = whenSent(a, work.id, () =>
      a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'second@work.example' } }),
    );
    await a.sync();
    expect(ran()).toBe(true);
    await a.sync();
    await a.sync();
    expect(await a.names()).toEqual(['Public', 'Work', 'Family']);
    expect(await a.persona('Work')).toMatchObject({ fields: { email: 'second@work.example' } });
    expect(await a.services.sync.status(BARBARA)).toMatchObject({ waiting: 0, problem: null });
    await b.sync();
    expect(await view(b)).toEqual(await view(a));
  });

  it('keeps deleted a persona the person deleted while it was going up', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    // One never on the atServer before, and one that was.
    await a.ok('wallet_savePersona', { name: 'Chess club', fields: { nickname: 'Babs' } });
    const chess = await a.persona('Chess club');
    const work = await a.persona('Work');
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'gone@work.example' } });
    const ranChess = whenSent(a, chess.id, () => a.ok('wallet_deletePersona', { id: chess.id }));
    await a.sync();
    vi.restoreAllMocks();
    const ranWork = whenSent(a, work.id, () => a.ok('wallet_deletePersona', { id: work.id }));
    await a.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'again@work.example' } });
    await a.sync();
    expect([ranChess(), ranWork()]).toEqual([true, true]);
    await a.sync();
    await a.sync();
    expect(await a.names()).toEqual(['Public', 'Family']);
    expect(await a.services.sync.status(BARBARA)).toMatchObject({ waiting: 0, problem: null });
    expect((await onServer()).filter((e) => e.atKey.includes('.personas.'))).toHaveLength(2);
    await b.sync();
    expect(await b.names()).toEqual(['Public', 'Family']);
  });

  it('lets an edit win over a deletion made elsewhere', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    const family = await a.persona('Family');
    b.online = false;
    await b.ok('wallet_savePersona', { id: family.id, name: 'Family', fields: { nickname: 'Babs' } });
    await a.ok('wallet_deletePersona', { id: family.id });
    await a.sync();
    b.online = true;
    await b.sync();
    await a.sync();
    expect(await a.persona('Family')).toMatchObject({ id: family.id, fields: { nickname: 'Babs' } });
    expect(await view(a)).toEqual(await view(b));
  });

  it('deletes a persona in the other wallet, ending the grants made from it there', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    const pub = await b.persona('Public');
    await b.grant('https://news.example', pub.id, ['name']);
    await a.ok('wallet_deletePersona', { id: pub.id });
    await a.sync();
    const emit = vi.spyOn(b.services.events, 'emit');
    await b.sync();
    expect(await b.names()).toEqual(['Work', 'Family']);
    expect(await b.services.grants.byPersona(pub.id)).toEqual([]);
    expect(emit).toHaveBeenCalledWith('https://news.example', 'revoked', expect.objectContaining({ reason: 'person' }));
  });

  it('carries the order of the list', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    await b.sync();
    const ids = (await a.list()).map((p) => p.id);
    await a.ok('wallet_reorderPersonas', { ids: [ids[2], ids[0], ids[1]] });
    await a.sync();
    await b.sync();
    expect(await b.names()).toEqual(['Family', 'Public', 'Work']);
  });

  it('keeps every persona other apps wrote, past the number a person makes in one wallet, and can still order them', async () => {
    const client = await owner();
    const selfKey = await importSelfKey(Buffer.from(keys.selfEncryptionKey, 'base64'));
    for (let i = 0; i < MAX_PERSONAS + 2; i++) {
      const { value, metadata } = await encryptForServer(selfKey, { name: `Club ${i}`, fields: {}, labels: {} });
      await client.update(personaAtKey(crypto.randomUUID(), BARBARA), value, metadata);
    }
    const b = await wallet();
    await b.sync();
    const ids = (await b.list()).map((p) => p.id);
    expect(ids).toHaveLength(MAX_PERSONAS + 5);
    await b.ok('wallet_reorderPersonas', { ids: [...ids].reverse() });
    expect((await b.names())[0]).toBe(`Club ${MAX_PERSONAS + 1}`);
  });

  it('leaves alone, and says so, a value on the atServer it cannot open, taking the rest', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await a.sync();
    const work = await a.persona('Work');
    await (await owner()).update(personaAtKey(work.id, BARBARA), 'not-a-persona', { isEncrypted: true, ivNonce: 'AAAAAAAAAAAAAAAAAAAAAA==' });
    await b.sync();
    expect(await b.names()).toEqual(['Public', 'Work', 'Family']);
    const { problem } = await b.services.sync.status(BARBARA);
    expect(problem).toContain(`${personaAtKey(work.id, BARBARA)} was left alone`);
  });
});

describe('an atServer whose changes never move on', () => {
  /**
   * A wallet of @barbara whose link is a stand-in atServer: `sync:from` answers
   * each ask with `page(from)`; written personas are counted, not kept. It
   * gives up after 20 asks, so a sync that would ask for ever fails the test
   * instead of hanging it. `offline` runs before the wallet is linked to it.
   */
  async function walletOn(page: (from: number) => AtSyncEntry[], offline: (w: Wallet) => Promise<void> = async () => undefined) {
    const w = await walletWithBarbara();
    await offline(w);
    const asked: number[] = [];
    const told: string[] = [];
    let written = 0;
    const server = {
      async syncFrom(from: number) {
        asked.push(from);
        if (asked.length > 20) throw new Error('asked for the same changes over and over');
        return page(from);
      },
      async update() {
        return 100 + ++written;
      },
      async delete() {
        return 100 + ++written;
      },
    } as unknown as AtClient;
    w.services.sync = createPersonaSync(
      () => w.services,
      (_atSign, work) => work(server),
      (atSign) => told.push(atSign),
    );
    return { ...w, asked, told, written: () => written };
  }

  // Another key of the atSign's, committed as 5: the wallet reads past it and keeps nothing of it.
  const stuckAtFive = (): AtSyncEntry[] => [{ atKey: `public:signing_key.atwallet${BARBARA}`, commitId: 5, operation: '+', value: 'x', metadata: {} }];

  it('stops reading when a page of changes does not move past the last one read, says so, and can sync again later', async () => {
    const w = await walletOn(stuckAtFive, async (offline) => {
      const work = await offline.persona('Work');
      await offline.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'barbara@work.example' } });
    });

    await w.services.sync.request(BARBARA);
    // From the start (-1) the page moved on to 5; asked from 5, the same page again: the read ends there.
    expect(w.asked).toEqual([-1, 5]);
    const status = await w.services.sync.status(BARBARA);
    expect(status.problem).toBe(`The last sync stopped: ${BARBARA}’s atServer, asked for the changes after commit 5, sent none newer.`);
    // Nothing was sent on top of a read that did not finish; the edit still waits.
    expect(w.written()).toBe(0);
    expect(status.waiting).toBeGreaterThan(0);
    expect((await w.services.syncState.get(BARBARA)).cursor).toBe(5);

    // The sync is not stuck running: the next request asks again.
    await w.services.sync.request(BARBARA);
    expect(w.asked).toEqual([-1, 5, 5]);
  });

  it('goes on normally once the atServer answers with something new', async () => {
    let stuck = true;
    const w = await walletOn((from) => (stuck ? stuckAtFive() : from < 9 ? [{ ...stuckAtFive()[0]!, commitId: 9 }] : []));
    await w.services.sync.request(BARBARA);
    expect((await w.services.sync.status(BARBARA)).problem).not.toBeNull();

    stuck = false;
    await w.services.sync.request(BARBARA);
    expect(w.asked).toEqual([-1, 5, 5, 9]);
    expect(await w.services.sync.status(BARBARA)).toMatchObject({ problem: null, waiting: 0 });
    expect(w.written()).toBeGreaterThan(0);
  });

  it('keeps, and tells the wallet’s pages of, what came before the page that did not move on', async () => {
    const selfKey = await importSelfKey(Buffer.from(keys.selfEncryptionKey, 'base64'));
    const { value, metadata } = await encryptForServer(selfKey, { name: 'Chess club', fields: { nickname: 'Babs' }, labels: {} });
    // As the wire carries it: every metadata value as text.
    const onTheWire = { isEncrypted: 'true', ivNonce: metadata.ivNonce! };
    const club: AtSyncEntry = { atKey: personaAtKey(crypto.randomUUID(), BARBARA), commitId: 7, operation: '+', value, metadata: onTheWire };
    const w = await walletOn(() => [club]);
    await w.services.sync.request(BARBARA);
    expect(w.asked).toEqual([-1, 7]);
    expect(await w.persona('Chess club')).toMatchObject({ fields: { nickname: 'Babs' } });
    expect(w.told).toEqual([BARBARA]);
    expect((await w.services.sync.status(BARBARA)).problem).toMatch(/after commit 7, sent none newer/);
  });
});

describe('removing an atSign while a sync of it is under way', () => {
  it('waits for the sync to end, so that nothing it read is written back once the atSign is gone', async () => {
    const w = await walletWithBarbara();
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // A sync that has asked the atServer for its changes and waits for the answer.
    const server = {
      async syncFrom(from: number): Promise<AtSyncEntry[]> {
        if (from >= 9) return [];
        await answered;
        return [{ atKey: `public:signing_key.atwallet${BARBARA}`, commitId: 9, operation: '+', value: 'x', metadata: {} }];
      },
      update: async () => 10,
      delete: async () => 10,
    } as unknown as AtClient;
    w.services.sync = createPersonaSync(
      () => w.services,
      (_atSign, work) => work(server),
    );
    const syncing = w.services.sync.request(BARBARA);
    let removed = false;
    const removing = w.ok('wallet_removeAtSign', { atSign: BARBARA, passphrase: PASSPHRASE }).then(() => (removed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(removed).toBe(false);
    // While it waits, the atSign is still listed: a refresh of the links (an unlock in another
    // window, say) opens no link for it.
    w.services.links.sync([BARBARA]);
    expect(w.services.links.status(BARBARA)).toEqual({ state: 'locked' });
    answer();
    await Promise.all([syncing, removing]);
    // Nothing of @barbara is left: not her place in the atServer's log, not her personas.
    expect(await w.db.syncState.get(BARBARA)).toBeUndefined();
    expect(await w.db.personas.where('atSign').equals(BARBARA).count()).toBe(0);
    expect(await w.db.identities.count()).toBe(0);
  });
});
