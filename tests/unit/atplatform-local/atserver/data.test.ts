// The data verbs on the local atServer's store: update with metadata in the
// server's regex order, llookup and lookup (plain, meta, all), scan, delete,
// and the commit ids — and what the store keeps in a file between starts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, atKeysJson, dataOf, fixtureKeys, Wire } from './support';

const keys = fixtureKeys();
let core: AtServerCore;
let owner: Wire;

beforeEach(async () => {
  core = await createAtServerCore({ atSign: ALICE, atKeys: atKeysJson() });
  owner = new Wire(core);
  await owner.next();
  expect(await owner.pkam(ALICE, keys.pkamPrivateKey)).toBe(`data:success\n${ALICE}@`);
});
afterEach(() => core.close());

describe('the data verbs', () => {
  it('stores a signed public key that anyone can read, with its dataSignature, by lookup:all', async () => {
    const commit = dataOf(await owner.send(`update:dataSignature:c2lnbmF0dXJl:public:signing_key.atwallet${ALICE} a2V5`));
    expect(Number(commit)).toBeGreaterThanOrEqual(0);
    const anyone = new Wire(core);
    await anyone.next();
    expect(await anyone.send(`lookup:signing_key.atwallet${ALICE}`)).toBe('data:a2V5\n@');
    const all = JSON.parse(dataOf(await anyone.send(`lookup:all:signing_key.atwallet${ALICE}`))!);
    expect(all).toMatchObject({ key: `public:signing_key.atwallet${ALICE}`, data: 'a2V5', metaData: { dataSignature: 'c2lnbmF0dXJl', version: 0 } });
    expect(all.metaData.createdAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/u);
    const meta = JSON.parse(dataOf(await anyone.send(`lookup:meta:signing_key.atwallet${ALICE}`))!);
    expect(meta).not.toHaveProperty('data');
    expect(meta.dataSignature).toBe('c2lnbmF0dXJl');
    expect(core.publicLookup('signing_key.atwallet')).toMatchObject({ value: 'a2V5' });
  });

  it('keeps self keys from anyone but the owner, and answers a missing key with AT0015', async () => {
    await owner.send(`update:isEncrypted:true:ivNonce:AAAAAAAAAAAAAAAAAAAAAA==:p1.personas.atwallet${ALICE} Y2lwaGVy`);
    expect(await owner.send(`llookup:p1.personas.atwallet${ALICE}`)).toBe(`data:Y2lwaGVy\n${ALICE}@`);
    expect(JSON.parse(dataOf(await owner.send(`llookup:meta:p1.personas.atwallet${ALICE}`))!)).toMatchObject({ isEncrypted: true, ivNonce: 'AAAAAAAAAAAAAAAAAAAAAA==' });
    const anyone = new Wire(core);
    await anyone.next();
    expect(await anyone.send(`lookup:p1.personas.atwallet${ALICE}`)).toBe(
      `error:AT0015-Exception: public:p1.personas.atwallet${ALICE} does not exist in keystore\n@`,
    );
    expect(await owner.send(`llookup:nothing.atwallet${ALICE}`)).toBe(
      `error:AT0015-key not found : nothing.atwallet${ALICE} does not exist in keystore\n${ALICE}@`,
    );
  });

  it('lists keys: public ones to anyone (without public:), the owner’s own to the owner, by regex', async () => {
    await owner.send(`update:public:signing_key.atwallet${ALICE} k`);
    await owner.send(`update:p1.personas.atwallet${ALICE} v`);
    const anyone = new Wire(core);
    await anyone.next();
    expect(JSON.parse(dataOf(await anyone.send('scan'))!).sort()).toEqual([`publickey${ALICE}`, `signing_key.atwallet${ALICE}`]);
    expect(JSON.parse(dataOf(await owner.send('scan'))!).sort()).toEqual(
      [`p1.personas.atwallet${ALICE}`, `public:publickey${ALICE}`, `public:signing_key.atwallet${ALICE}`].sort(),
    );
    expect(JSON.parse(dataOf(await owner.send('scan personas'))!)).toEqual([`p1.personas.atwallet${ALICE}`]);
    expect(await owner.send('scan [')).toMatch(/^error:AT0003-/u);
  });

  it('deletes with a commit id, and updates count up', async () => {
    const first = Number(dataOf(await owner.send(`update:p1.personas.atwallet${ALICE} one`)));
    const second = Number(dataOf(await owner.send(`update:p1.personas.atwallet${ALICE} two words`)));
    expect(second).toBe(first + 1);
    expect(await owner.send(`llookup:p1.personas.atwallet${ALICE}`)).toBe(`data:two words\n${ALICE}@`);
    expect(Number(dataOf(await owner.send(`delete:p1.personas.atwallet${ALICE}`)))).toBe(second + 1);
    expect(await owner.send(`llookup:p1.personas.atwallet${ALICE}`)).toMatch(/^error:AT0015-/u);
  });

  it('answers data:null for a key whose time to live has passed, and keeps ttl as a number', async () => {
    await owner.send(`update:ttl:60000:ttr:-1:public:kept.atwallet${ALICE} here`);
    expect(JSON.parse(dataOf(await owner.send(`llookup:meta:public:kept.atwallet${ALICE}`))!)).toMatchObject({ ttl: 60000, ttr: -1 });
    await owner.send(`update:ttl:1:public:brief.atwallet${ALICE} gone`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const anyone = new Wire(core);
    await anyone.next();
    expect(await anyone.send(`lookup:brief.atwallet${ALICE}`)).toBe('data:null\n@');
  });

  it('refuses a key of another atSign, and metadata out of the server’s order', async () => {
    expect(await owner.send('update:public:x.atwallet@bob v')).toMatch(/^error:AT0009-/u);
    expect(await owner.send(`update:isEncrypted:true:ttl:10:x.atwallet${ALICE} v`)).toMatch(/^error:AT0003-/u);
  });

  it('keeps its store in a file, and starts again from it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atserver-'));
    try {
      const dataFile = path.join(dir, 'alice.json');
      const first = await createAtServerCore({ atSign: ALICE, atKeys: atKeysJson(), dataFile });
      const wire = new Wire(first);
      await wire.next();
      await wire.pkam(ALICE, keys.pkamPrivateKey);
      await wire.send(`update:p1.personas.atwallet${ALICE} kept`);
      first.close();
      expect(JSON.parse(await readFile(dataFile, 'utf8'))).toEqual(first.dump());
      const again = await createAtServerCore({ atSign: ALICE, atKeys: atKeysJson(), dataFile });
      const later = new Wire(again);
      await later.next();
      await later.pkam(ALICE, keys.pkamPrivateKey);
      expect(await later.send(`llookup:p1.personas.atwallet${ALICE}`)).toBe(`data:kept\n${ALICE}@`);
      again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('monitor and notify', () => {
  it('puts a self notification on the owner’s monitor with selfNotifications, in the server’s JSON', async () => {
    const watcher = new Wire(core);
    await watcher.next();
    await watcher.pkam(ALICE, keys.pkamPrivateKey);
    const first = watcher.next();
    watcher.session.receive('monitor:selfNotifications personas\n');
    const id = dataOf(await owner.send(`notify:update:${ALICE}:p1.personas.atwallet${ALICE}:changed`));
    const line = await first;
    expect(line).toMatch(/^notification: \{.*\}\n$/u);
    expect(JSON.parse(line.slice('notification: '.length))).toMatchObject({
      id,
      from: ALICE,
      to: ALICE,
      key: `${ALICE}:p1.personas.atwallet${ALICE}`,
      value: 'changed',
      operation: 'update',
      messageType: 'MessageType.key',
      isEncrypted: false,
    });
  });

  it('sends nothing to a monitor without selfNotifications, or whose regex does not match', async () => {
    const plain = new Wire(core);
    await plain.next();
    await plain.pkam(ALICE, keys.pkamPrivateKey);
    plain.session.receive('monitor\n');
    const other = new Wire(core);
    await other.next();
    await other.pkam(ALICE, keys.pkamPrivateKey);
    other.session.receive('monitor:selfNotifications contacts\n');
    await owner.send(`notify:update:${ALICE}:p1.personas.atwallet${ALICE}:x`);
    expect(plain.written).toHaveLength(3);
    expect(other.written).toHaveLength(3);
  });
});
