// The local atServer's file-backed store: every change written at once, all
// of it back after a restart (keys, commit ids, enrollments, one-time codes),
// the atSign not seeded twice — and what is at rest holds none of the
// atSign's secret keys in plaintext.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { aesDecrypt, ALICE, aliceCore, asAlice, atKeysJson, dataOf, enrollRequest, fixtureKeys, newApp, Wire } from './support';

let dir: string;
let dataFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atserver-store-'));
  dataFile = path.join(dir, `${ALICE}.json`);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a file-backed atServer', () => {
  it('writes each change at once and has it all back after a restart', async () => {
    const first = await aliceCore({ dataFile });
    const owner = await asAlice(first);
    expect(dataOf(await owner.send(`update:isEncrypted:true:p1.personas.atwallet${ALICE} c2VjcmV0`))).toBe('1');
    expect(JSON.parse(await readFile(dataFile, 'utf8'))).toEqual(first.dump());
    const app = newApp();
    const stranger = await new Wire(first).open();
    const { enrollmentId } = JSON.parse(dataOf(await stranger.send(enrollRequest(app, await first.approver.otp())))!) as { enrollmentId: string };
    await first.approver.approve(enrollmentId);
    const spareCode = dataOf(await owner.send('otp:get'))!;
    first.close();

    const second = await aliceCore({ dataFile });
    try {
      const again = await asAlice(second);
      expect(dataOf(await again.send(`llookup:all:p1.personas.atwallet${ALICE}`))).toContain('"isEncrypted":true');
      // Commit ids go on from where they were; the atSign was not seeded again.
      expect(dataOf(await again.send(`update:p2.personas.atwallet${ALICE} v`))).toBe('2');
      expect(JSON.parse(dataOf(await again.send(`llookup:meta:public:publickey${ALICE}`))!)).toMatchObject({ version: 0 });
      const enrolledApp = await new Wire(second).open();
      expect(await enrolledApp.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);
      const late = await new Wire(second).open();
      expect(dataOf(await late.send(enrollRequest(newApp(), spareCode, { deviceName: 'second' })))).toContain('pending');
    } finally {
      second.close();
    }
  });

  it('keeps an activation: a restarted CRAM atSign is not given its secret back', async () => {
    const secret = 'cafe';
    const carol = await createAtServerCore({ atSign: '@carol', cramSecret: secret, dataFile });
    const wire = await new Wire(carol).open();
    const challenge = dataOf(await wire.send('from:@carol'))!;
    await wire.send(`cram:${createHash('sha512').update(`${secret}${challenge}`).digest('hex')}`);
    expect(await wire.send('delete:privatekey:at_secret')).toBe('data:-1\n@carol@');
    carol.close();
    const restarted = await createAtServerCore({ atSign: '@carol', cramSecret: secret, dataFile });
    const next = await new Wire(restarted).open();
    await next.send('from:@carol');
    expect(await next.send('cram:00')).toBe('error:AT0015-Exception: privatekey:at_secret does not exist in keystore\n@');
    restarted.close();
  });

  it('holds no secret key of the atSign in plaintext at rest', async () => {
    const core = await aliceCore({ dataFile });
    const app = newApp();
    const stranger = await new Wire(core).open();
    const { enrollmentId } = JSON.parse(dataOf(await stranger.send(enrollRequest(app, await core.approver.otp())))!) as { enrollmentId: string };
    await core.approver.approve(enrollmentId);
    core.close();
    const atRest = await readFile(dataFile, 'utf8');
    const keys = fixtureKeys();
    for (const secret of [keys.selfEncryptionKey, keys.encryptionPrivateKey, keys.pkamPrivateKey, app.symmetricKey]) expect(atRest).not.toContain(secret);
    expect(atRest).toContain(keys.encryptionPublicKey);
  });

  it('seeds an atSign onboarded by APKAM with its first enrollment, as cram + enroll:request leave it', async () => {
    const symmetricKey = Buffer.alloc(32, 9).toString('base64');
    const enrollmentId = '0b5e2d1c-6f1e-4c1a-9a59-2f1f2b8c7d10';
    const core = await createAtServerCore({ atSign: ALICE, atKeys: { ...atKeysJson(), enrollmentId, apkamSymmetricKey: symmetricKey } });
    try {
      const keys = fixtureKeys();
      const app = await new Wire(core).open();
      expect(await app.pkam(ALICE, keys.pkamPrivateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);
      const selfKey = JSON.parse(dataOf(await app.send(`keys:get:keyName:${enrollmentId}.default_self_enc_key.__manage${ALICE}`))!) as { value: string };
      expect(aesDecrypt(symmetricKey, selfKey.value)).toBe(keys.selfEncryptionKey);
      expect(await core.approver.list()).toEqual([{ enrollmentId, appName: 'firstApp', deviceName: 'firstDevice', namespaces: { __manage: 'rw', '*': 'rw' }, status: 'approved' }]);
    } finally {
      core.close();
    }
  });

  it('refuses a data file that is not an atServer store, naming it', async () => {
    await writeFile(dataFile, '{"hello":1}');
    await expect(aliceCore({ dataFile })).rejects.toThrow(`The atServer store "${dataFile}" cannot be read: it is not an atServer store`);
    await writeFile(dataFile, 'not json');
    await expect(aliceCore({ dataFile })).rejects.toThrow(/cannot be read: .*JSON/u);
  });
});
