// Reading from the local atServer: the activated atSign's public key to
// anyone, llookup's three answers, lookup without and with authentication,
// keys not live yet or any more, missing keys (AT0015), and scan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, aliceCore, asAlice, dataOf, fixtureKeys, Wire } from './support';

const keys = fixtureKeys();
let core: AtServerCore;
let owner: Wire;
beforeEach(async () => {
  core = await aliceCore();
  owner = await asAlice(core);
});
afterEach(() => core.close());

describe('reading', () => {
  it('gives anyone the encryption public key the onboarding stored, with its metadata', async () => {
    const stranger = await new Wire(core).open();
    expect(await stranger.send(`lookup:publickey${ALICE}`)).toBe(`data:${keys.encryptionPublicKey}\n@`);
    const meta = JSON.parse(dataOf(await stranger.send(`lookup:meta:publickey${ALICE}`))!) as Record<string, unknown>;
    expect(Object.keys(meta)).toEqual(['createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'status', 'version', 'isBinary', 'isEncrypted']);
    expect(meta).toMatchObject({ createdBy: ALICE, status: 'active', version: 0, isBinary: false, isEncrypted: false });
    const all = JSON.parse(dataOf(await stranger.send(`lookup:all:publickey${ALICE}`))!) as Record<string, unknown>;
    expect(Object.keys(all)).toEqual(['key', 'data', 'metaData']);
    expect(all).toEqual({ key: `public:publickey${ALICE}`, data: keys.encryptionPublicKey, metaData: meta });
    expect(core.publicLookup('publickey')).toEqual({ value: keys.encryptionPublicKey, metadata: meta });
    expect(core.publicLookup('nothing')).toBeNull();
  });

  it('answers a missing key with AT0015 in the keystore’s words, lowercased', async () => {
    const stranger = await new Wire(core).open();
    expect(await stranger.send(`lookup:Nothing.atwallet${ALICE}`)).toBe(`error:AT0015-Exception: public:nothing.atwallet${ALICE} does not exist in keystore\n@`);
    expect(await owner.send(`llookup:nothing.atwallet${ALICE}`)).toBe(`error:AT0015-key not found : nothing.atwallet${ALICE} does not exist in keystore\n${ALICE}@`);
    expect(await owner.send(`llookup:cached:public:x.wavi${ALICE}`)).toBe(`error:AT0015-key not found : cached:public:x.wavi${ALICE} does not exist in keystore\n${ALICE}@`);
  });

  it('llookup reads self, public and shared keys: the value, meta and all', async () => {
    await owner.send(`update:isEncrypted:true:ivNonce:aXY=:p1.personas.atwallet${ALICE} c2VjcmV0`);
    await owner.send(`update:@bob:shared.atwallet${ALICE} for bob`);
    expect(dataOf(await owner.send(`llookup:p1.personas.atwallet${ALICE}`))).toBe('c2VjcmV0');
    expect(dataOf(await owner.send(`llookup:@bob:shared.atwallet${ALICE}`))).toBe('for bob');
    expect(dataOf(await owner.send(`llookup:public:publickey${ALICE}`))).toBe(keys.encryptionPublicKey);
    const all = JSON.parse(dataOf(await owner.send(`llookup:all:P1.personas.atwallet${ALICE}`))!) as Record<string, unknown>;
    expect(all).toMatchObject({ key: `p1.personas.atwallet${ALICE}`, data: 'c2VjcmV0', metaData: { isEncrypted: true, ivNonce: 'aXY=' } });
  });

  it('answers data:null for a key not born yet (ttb) or expired (ttl), and leaves it out of scan', async () => {
    await owner.send(`update:ttb:3600000:public:later.atwallet${ALICE} soon`);
    await owner.send(`update:ttl:1:public:gone.atwallet${ALICE} brief`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stranger = await new Wire(core).open();
    expect(await stranger.send(`lookup:later.atwallet${ALICE}`)).toBe('data:null\n@');
    expect(await stranger.send(`lookup:gone.atwallet${ALICE}`)).toBe('data:null\n@');
    expect(await owner.send(`llookup:public:later.atwallet${ALICE}`)).toBe(`data:null\n${ALICE}@`);
    expect(dataOf(await stranger.send('scan'))).toBe(`["publickey${ALICE}"]`);
  });

  it('lookup by the owner reads what is shared with the atSign itself, and does not reach other atServers', async () => {
    expect(await owner.send(`lookup:publickey${ALICE}`)).toBe(`error:AT0015-key not found : ${ALICE}:publickey${ALICE} does not exist in keystore\n${ALICE}@`);
    await owner.send(`update:${ALICE}:note.atwallet${ALICE} to myself`);
    expect(await owner.send(`lookup:note.atwallet${ALICE}`)).toBe(`data:to myself\n${ALICE}@`);
    expect(await owner.send('lookup:phone@bob')).toMatch(/^error:AT0007-Secondary server not found : /u);
  });

  it('scans: public keys to anyone, the owner’s keys to the owner without private, privatekey and hidden ones', async () => {
    await owner.send(`update:p1.personas.atwallet${ALICE} v`);
    await owner.send(`update:public:signing_key.atwallet${ALICE} k`);
    await owner.send(`update:public:_hidden.atwallet${ALICE} h`);
    await owner.send(`update:public:__synced.atwallet${ALICE} h`);
    await owner.send(`update:_internal.atwallet${ALICE} h`);
    await owner.send(`update:@bob:shared.wavi${ALICE} h`);
    const stranger = await new Wire(core).open();
    expect(JSON.parse(dataOf(await stranger.send('scan'))!)).toEqual([`publickey${ALICE}`, `signing_key.atwallet${ALICE}`]);
    expect(JSON.parse(dataOf(await owner.send('scan'))!)).toEqual([
      `@bob:shared.wavi${ALICE}`,
      `p1.personas.atwallet${ALICE}`,
      `public:publickey${ALICE}`,
      `public:signing_key.atwallet${ALICE}`,
    ]);
    expect(JSON.parse(dataOf(await owner.send('scan:showhidden:true .*atwallet'))!)).toEqual([
      `_internal.atwallet${ALICE}`,
      `p1.personas.atwallet${ALICE}`,
      `public:__synced.atwallet${ALICE}`,
      `public:signing_key.atwallet${ALICE}`,
    ]);
    expect(JSON.parse(dataOf(await stranger.send('scan signing'))!)).toEqual([`signing_key.atwallet${ALICE}`]);
    expect(await owner.send('scan:@bob')).toMatch(/^error:AT0007-/u);
  });

  it('drops the connection for a scan regex Dart cannot compile (an uncaught FormatException)', async () => {
    const stranger = await new Wire(core).open();
    expect(await stranger.send('scan (')).toMatch(/^error:AT0011-Exception: FormatException: .*\n@$/u);
    expect(stranger.closed).toBe(true);
  });
});
