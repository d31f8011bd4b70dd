// update on the local atServer: the commit ids, every metadata tag in the
// server regex's order and what AtMetaData keeps of them (field names and
// order as the server writes them), rewrites, and every refusal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, aliceCore, asAlice, dataOf, Wire } from './support';

let core: AtServerCore;
let owner: Wire;
beforeEach(async () => {
  core = await aliceCore();
  owner = await asAlice(core);
});
afterEach(() => core.close());

const meta = async (key: string) => JSON.parse(dataOf(await owner.send(`llookup:meta:${key}`))!) as Record<string, unknown>;
const parseDartTime = (text: unknown) => Date.parse(String(text).replace(' ', 'T'));

describe('update', () => {
  it('answers commit ids counting on from the activated atSign’s, and -1 for keys outside the commit log', async () => {
    // Commit 0 is the onboarding's public:publickey.
    expect(await owner.send(`update:p1.personas.atwallet${ALICE} hello world`)).toBe(`data:1\n${ALICE}@`);
    expect(await owner.send(`update:public:signing_key.atwallet${ALICE} key`)).toBe(`data:2\n${ALICE}@`);
    expect(await owner.send(`update:p1.personas.atwallet${ALICE} again`)).toBe(`data:3\n${ALICE}@`);
    expect(await owner.send(`update:public:_hidden.atwallet${ALICE} h`)).toBe(`data:-1\n${ALICE}@`);
    expect(await owner.send(`update:public:__synced.atwallet${ALICE} h`)).toBe(`data:4\n${ALICE}@`);
    expect(await owner.send('update:privatekey:at_pkam_publickey MIIB')).toBe(`data:-1\n${ALICE}@`);
    // Values keep their inner spaces; the command is trimmed.
    expect(dataOf(await owner.send(`llookup:p1.personas.atwallet${ALICE}`))).toBe('again');
    await owner.send(`update:spaced.atwallet${ALICE}  two  spaces  `);
    expect(dataOf(await owner.send(`llookup:spaced.atwallet${ALICE}`))).toBe(' two  spaces');
  });

  it('keeps every tag the server keeps, in AtMetaData’s order, and drops sharedKeyStatus', async () => {
    const key = `public:all.atwallet${ALICE}`;
    const before = Date.now();
    const tags =
      'ttl:3600000:ttb:0:ttr:10:ccd:true:dataSignature:c2ln:sharedKeyStatus:SHARED:isBinary:false:isEncrypted:true:sharedKeyEnc:a2V5' +
      ':pubKeyCS:abc:encoding:base64:encKeyName:k1:encAlgo:AES/CTR/PKCS7Padding:ivNonce:aXY=:skeEncKeyName:s1:skeEncAlgo:RSA';
    expect(dataOf(await owner.send(`update:${tags}:${key} value`))).toBe('1');
    const m = await meta(key);
    expect(Object.keys(m)).toEqual([
      'createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'availableAt', 'expiresAt', 'refreshAt', 'status', 'version', 'ttl', 'ttb', 'ttr', 'ccd',
      'isBinary', 'isEncrypted', 'dataSignature', 'sharedKeyEnc', 'pubKeyCS', 'encoding', 'encKeyName', 'encAlgo', 'ivNonce', 'skeEncKeyName', 'skeEncAlgo',
    ]);
    expect(m).toMatchObject({
      createdBy: ALICE, updatedBy: ALICE, status: 'active', version: 0, ttl: 3_600_000, ttb: 0, ttr: 10, ccd: true, isBinary: false, isEncrypted: true,
      dataSignature: 'c2ln', sharedKeyEnc: 'a2V5', pubKeyCS: 'abc', encoding: 'base64', encKeyName: 'k1', encAlgo: 'AES/CTR/PKCS7Padding', ivNonce: 'aXY=',
      skeEncKeyName: 's1', skeEncAlgo: 'RSA',
    });
    expect(String(m.createdAt)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/u);
    const created = parseDartTime(m.createdAt);
    expect(created).toBeGreaterThanOrEqual(before - 1);
    expect(parseDartTime(m.availableAt)).toBe(created);
    expect(parseDartTime(m.expiresAt)).toBe(created + 3_600_000);
    // ttr is in seconds.
    expect(parseDartTime(m.refreshAt)).toBe(created + 10_000);
  });

  it('on a rewrite keeps createdAt and the tags the command is silent on, counts the version, and clears a tag set to "null"', async () => {
    const key = `public:signing_key.atwallet${ALICE}`;
    await owner.send(`update:ttl:60000:dataSignature:c2ln:isEncrypted:true:${key} one`);
    const first = await meta(key);
    await owner.send(`update:${key} two`);
    const second = await meta(key);
    expect(second).toMatchObject({ createdAt: first.createdAt, version: 1, ttl: 60_000, dataSignature: 'c2ln', isEncrypted: false });
    await owner.send(`update:dataSignature:null:${key} three`);
    expect(await meta(key)).not.toHaveProperty('dataSignature');
    // A new key keeps the text "null" as it is.
    await owner.send(`update:dataSignature:null:public:fresh.atwallet${ALICE} x`);
    expect(await meta(`public:fresh.atwallet${ALICE}`)).toMatchObject({ dataSignature: 'null' });
  });

  it('drops ccd without a ttr on a new key, and takes the stored ttr for it on a rewrite', async () => {
    await owner.send(`update:ccd:true:c.atwallet${ALICE} v`);
    expect(await meta(`c.atwallet${ALICE}`)).not.toHaveProperty('ccd');
    await owner.send(`update:ttr:-1:d.atwallet${ALICE} v`);
    expect(await meta(`d.atwallet${ALICE}`)).toMatchObject({ ttr: -1, ccd: false });
    expect(await meta(`d.atwallet${ALICE}`)).not.toHaveProperty('refreshAt');
    await owner.send(`update:ccd:true:d.atwallet${ALICE} v`);
    expect(await meta(`d.atwallet${ALICE}`)).toMatchObject({ ttr: -1, ccd: true });
  });

  it('refuses another atSign’s key, keys it may not write, bad tags and names past 248 characters', async () => {
    const error = (code: string, text: string) => `error:${code}-${text}\n${ALICE}@`;
    expect(await owner.send('update:@bob:x@carol v')).toBe(error('AT0016', `Invalid key : Invalid update command - sharedBy atsign @carol should be same as current atsign ${ALICE}`));
    expect(await owner.send('update:phone v')).toBe(error('AT0016', 'Invalid key : You may not update keys of type KeyType.invalidKey'));
    expect(await owner.send(`update:private:x${ALICE} v`)).toBe(error('AT0003', 'Invalid syntax : Invalid syntax. e.g. update:@alice:location@bob San Francisco'));
    expect(await owner.send(`update:ttl:-1:x.atwallet${ALICE} v`)).toBe(error('AT0003', 'Invalid syntax : Valid value for TTL should be greater than or equal to 0'));
    expect(await owner.send(`update:ttb:-5:x.atwallet${ALICE} v`)).toBe(error('AT0003', 'Invalid syntax : Valid value for TTB should be greater than or equal to 0'));
    expect(await owner.send(`update:ttr:-2:x.atwallet${ALICE} v`)).toBe(error('AT0003', 'Invalid syntax : Valid values for TTR are -1 and greater than or equal to 1'));
    const long = `public:${'a'.repeat(235)}.atwallet${ALICE}`;
    expect(await owner.send(`update:${long} v`)).toBe(error('AT0016', `Invalid key : key length ${long.length} is greater than max allowed 248 chars`));
    expect(await owner.send(`update:x.atwallet${ALICE}`)).toMatch(/^error:AT0003-Invalid syntax : Invalid syntax\./u);
  });
});
