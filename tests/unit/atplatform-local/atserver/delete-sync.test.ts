// delete on the local atServer (commit ids, protected keys, the CRAM secret)
// and sync:from, the way an app catches up with changes its atSign's other
// apps made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, aliceCore, asAlice, dataOf, fixtureKeys, Wire } from './support';

let core: AtServerCore;
let owner: Wire;
beforeEach(async () => {
  core = await aliceCore();
  owner = await asAlice(core);
});
afterEach(() => core.close());

type SyncEntry = { atKey: string; value: string | null; metadata: Record<string, string> | null; commitId: number; operation: string };
const sync = async (wire: Wire, command: string) => JSON.parse(dataOf(await wire.send(command))!) as SyncEntry[];

describe('delete', () => {
  it('answers the delete’s commit id — for a key that was never there too — and the key is gone', async () => {
    await owner.send(`update:public:signing_key.atwallet${ALICE} k`);
    expect(await owner.send(`delete:public:signing_key.atwallet${ALICE}`)).toBe(`data:2\n${ALICE}@`);
    expect(await owner.send(`llookup:public:signing_key.atwallet${ALICE}`)).toMatch(/^error:AT0015-/u);
    expect(await owner.send(`delete:never.atwallet${ALICE}`)).toBe(`data:3\n${ALICE}@`);
    expect(await owner.send(`delete:privatekey:at_pkam_publickey`)).toMatch(/^error:AT0003-/u);
  });

  it('refuses the protected keys, and marks the CRAM secret deleted (outside the commit log: -1)', async () => {
    expect(await owner.send(`delete:public:publickey${ALICE}`)).toBe(`error:AT0009-UnAuthorized client in request : Cannot delete protected key: 'publickey${ALICE}'\n${ALICE}@`);
    expect(await owner.send(`delete:public:signing_publickey${ALICE}`)).toMatch(/^error:AT0009-.*Cannot delete protected key: 'signing_publickey/u);
    expect(await owner.send('delete:privatekey:at_secret')).toBe(`data:-1\n${ALICE}@`);
    const stranger = await new Wire(core).open();
    expect(await stranger.send(`lookup:publickey${ALICE}`)).toBe(`data:${fixtureKeys().encryptionPublicKey}\n@`);
  });
});

describe('sync:from', () => {
  it('lists what changed after a commit id: key, value, metadata as text, commit id and CommitOp’s symbol', async () => {
    expect(await sync(owner, 'sync:from:-1:limit:10')).toEqual([
      expect.objectContaining({ atKey: `public:publickey${ALICE}`, commitId: 0, operation: '*', value: fixtureKeys().encryptionPublicKey }),
    ]);
    await owner.send(`update:ttl:60000:p1.personas.atwallet${ALICE} v1`);
    await owner.send(`update:p1.personas.atwallet${ALICE} v2`);
    await owner.send(`update:public:gone.atwallet${ALICE} x`);
    await owner.send(`delete:public:gone.atwallet${ALICE}`);
    const entries = await sync(owner, 'sync:from:0:limit:10');
    // One entry per key: the rewrite replaced commit 1, the delete replaced commit 3. An update's
    // isBinary/isEncrypted are always set, so it is UPDATE_ALL (*) even for a new key.
    expect(entries.map(({ atKey, commitId, operation }) => [atKey, commitId, operation])).toEqual([
      [`p1.personas.atwallet${ALICE}`, 2, '*'],
      [`public:gone.atwallet${ALICE}`, 4, '-'],
    ]);
    expect(entries[0]!.value).toBe('v2');
    expect(entries[0]!.metadata).toMatchObject({ version: '1', ttl: '60000', isBinary: 'false', createdBy: ALICE });
    expect(entries[1]).toMatchObject({ value: null, metadata: null });
    expect(await sync(owner, 'sync:from:4:limit:10')).toEqual([]);
    expect((await sync(owner, 'sync:from:-1:limit:10:personas')).map((e) => e.atKey)).toEqual([`public:publickey${ALICE}`, `p1.personas.atwallet${ALICE}`]);
  });
});
