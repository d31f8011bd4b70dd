// Deciding enrollments on the local atServer — deny, revoke (and what happens
// to the app's connections), the states each decision needs, expiry — and
// activating a new atSign by CRAM, whose first enrollment is approved at once.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { aesEncrypt, ALICE, aliceCore, asAlice, dataOf, enrollRequest, newApp, settle, Wire, type App } from './support';

let core: AtServerCore;
beforeEach(async () => {
  core = await aliceCore();
});
afterEach(() => {
  core.close();
  vi.useRealTimers();
});

async function enrolled(extra: Record<string, unknown> = {}): Promise<{ app: App; id: string }> {
  const app = newApp();
  const stranger = await new Wire(core).open();
  const { enrollmentId } = JSON.parse(dataOf(await stranger.send(enrollRequest(app, await core.approver.otp(), extra)))!) as { enrollmentId: string };
  return { app, id: enrollmentId };
}

describe('deciding enrollments', () => {
  it('denies: PKAM says AT0025, and a denied enrollment can still be deleted', async () => {
    const { app, id } = await enrolled();
    const owner = await asAlice(core);
    expect(await owner.send(`enroll:deny:{"enrollmentId":"${id}"}`)).toBe(`data:{"status":"denied","enrollmentId":"${id}"}\n${ALICE}@`);
    expect(await new Wire(core).open().then((w) => w.pkam(ALICE, app.privateKey, id))).toBe(`error:AT0025:enrollment_id: ${id} is denied\n@`);
    expect(await owner.send(`enroll:approve:{"enrollmentId":"${id}","encryptedDefaultEncryptionPrivateKey":"a","encryptedDefaultSelfEncryptionKey":"b"}`)).toBe(
      `error:AT0011-Internal server exception : Failed to approve enrollment id: ${id}. Cannot approve a denied enrollment. Only pending enrollments can be approved\n${ALICE}@`,
    );
    expect(await owner.send(`enroll:delete:{"enrollmentId":"${id}"}`)).toBe(`data:{"enrollmentId":"${id}","status":"deleted"}\n${ALICE}@`);
    expect(await owner.send(`enroll:fetch:{"enrollmentId":"${id}"}`)).toMatch(/^error:AT0015-/u);
  });

  it('denies an approved enrollment too: its open connection stays, but may no longer write or get keys', async () => {
    const { app, id } = await enrolled();
    await core.approver.approve(id);
    const wire = await new Wire(core).open();
    await wire.pkam(ALICE, app.privateKey, id);
    const owner = await asAlice(core);
    const listed = async (filter: string) => Object.keys(JSON.parse(dataOf(await owner.send(`enroll:list:{"enrollmentStatusFilter":${filter}}`))!) as object);
    expect(await listed('["approved"]')).toEqual([`${id}.new.enrollments.__manage${ALICE}`]);
    await core.approver.deny(id);
    expect(await listed('["approved"]')).toEqual([]);
    expect(await listed('["denied","pending"]')).toEqual([`${id}.new.enrollments.__manage${ALICE}`]);
    expect(await owner.send('enroll:list:{"enrollmentStatusFilter":["gone"]}')).toMatch(/^error:AT0010-Internal server error : Invalid argument\(s\): `gone` is not one of the supported values/u);
    expect(wire.closed).toBe(false);
    expect(await wire.send(`update:x.atwallet${ALICE} v`)).toMatch(/^error:AT0009-UnAuthorized client in request : Connection with enrollment ID /u);
    expect(await wire.send(`keys:get:keyName:${id}.default_self_enc_key.__manage${ALICE}`)).toBe(
      `error:AT0011-Internal server exception : Enrollment Id ${id} is not approved. current state: denied\n${ALICE}@`,
    );
  });

  it('revokes: the app’s open connections close, PKAM says AT0027; only approved enrollments can be revoked', async () => {
    const { app, id } = await enrolled();
    const owner = await asAlice(core);
    expect(await owner.send(`enroll:revoke:{"enrollmentId":"${id}"}`)).toBe(
      `error:AT0011-Internal server exception : Failed to revoke enrollment id: ${id}. Cannot revoke a pending enrollment. Only approved enrollments can be revoked\n${ALICE}@`,
    );
    await core.approver.approve(id);
    const signedIn = await new Wire(core).open();
    await signedIn.pkam(ALICE, app.privateKey, id);
    await core.approver.revoke(id);
    expect(signedIn.closed).toBe(true);
    expect(await new Wire(core).open().then((w) => w.pkam(ALICE, app.privateKey, id))).toBe(`error:AT0027:enrollment_id: ${id} is revoked\n@`);
    expect(await owner.send(`enroll:approve:{"enrollmentId":"no-such","encryptedDefaultEncryptionPrivateKey":"a","encryptedDefaultSelfEncryptionKey":"b"}`)).toBe(
      `error:AT0028:enrollment_id: no-such is expired or invalid\n${ALICE}@`,
    );
  });

  it('will not let an app revoke itself (AT0031) unless forced, and then closes it ten seconds later', async () => {
    const { app, id } = await enrolled({ namespaces: { __manage: 'rw', atwallet: 'rw' } });
    await core.approver.approve(id);
    const wire = await new Wire(core).open();
    await wire.pkam(ALICE, app.privateKey, id);
    expect(await wire.send(`enroll:revoke:{"enrollmentId":"${id}"}`)).toBe(`error:AT0031-Cannot revoke self enrollment : Current client cannot revoke its own enrollment\n${ALICE}@`);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(await wire.send(`enroll:revoke:force:{"enrollmentId":"${id}"}`)).toBe(
      `data:{"status":"revoked","enrollmentId":"${id}","message":"Enrollment is revoked. Closing the connection in 10 seconds"}\n${ALICE}@`,
    );
    expect(wire.closed).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(wire.closed).toBe(true);
  });

  it('fails an approval for a device name with a space, as the server’s keystore refuses the key it writes', async () => {
    const { app, id } = await enrolled({ deviceName: 'Firefox on laptop' });
    await expect(core.approver.approve(id)).rejects.toThrow(/AT0016-Invalid key : Key public:atwallet\.firefox on laptop\.pkam\.__pkams\.__public_keys@alice🛠 is invalid/u);
    // The enrollment was approved before the failure, without the keys the app needs.
    const wire = await new Wire(core).open();
    expect(await wire.pkam(ALICE, app.privateKey, id)).toBe(`data:success\n${ALICE}@`);
    expect(await wire.send(`keys:get:keyName:${id}.default_enc_private_key.__manage${ALICE}`)).toMatch(/^error:AT0015-/u);
  });

  it('expires an approved enrollment after apkamKeysExpiryInMillis: its connection is told AT0028 and closed', async () => {
    const { app, id } = await enrolled({ apkamKeysExpiryInMillis: 60_000 });
    await core.approver.approve(id);
    const wire = await new Wire(core).open();
    expect(await wire.pkam(ALICE, app.privateKey, id)).toBe(`data:success\n${ALICE}@`);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await wire.send('noop:0')).toBe(`error:AT0028:The enrollment id: ${id} is expired. Closing the connection\n${ALICE}@`);
    expect(wire.closed).toBe(true);
  });
});

describe('activating a new atSign by CRAM', () => {
  const atSign = '@carol';
  const secret = 'b26455a907582760ebf35bc4847de549bc41c24b25c8b1c58d5964f7b4f8a43bc55b0e9a601c9a9657d9a8b8bbc32f88b4e38ffaf7cb3e16ad57e8d6e4';
  const digest = (challenge: string, key = secret) => createHash('sha512').update(`${key}${challenge}`, 'utf8').digest('hex');

  it('takes the secret once, approves the first enrollment at once with every namespace, and the app’s key becomes the PKAM key', async () => {
    const carol = await createAtServerCore({ atSign: 'Carol', cramSecret: secret });
    try {
      expect(carol.atSign).toBe(atSign);
      const wire = await new Wire(carol).open();
      expect(await wire.send(`cram:${digest('x')}`)).toMatch(/^error:AT0015-Exception: private:_[0-9a-f-]{36}@carol does not exist in keystore\n@$/u);
      const challenge = dataOf(await wire.send(`from:${atSign}`))!;
      expect(await wire.send(`cram:${digest(challenge, 'wrong')}`)).toBe('error:AT0401-Exception: Authentication Failed\n@');
      expect(await wire.send(`cram:${digest(challenge)}`)).toBe(`data:success\n${atSign}@`);
      const app = newApp();
      const selfKey = Buffer.alloc(32, 7).toString('base64');
      const request = `enroll:request:${JSON.stringify({ appName: 'atwallet', deviceName: 'first device', apkamPublicKey: app.publicKey, encryptedDefaultEncryptionPrivateKey: 'cHJpdg==', encryptedDefaultSelfEncryptionKey: aesEncrypt(app.symmetricKey, selfKey) })}`;
      const { enrollmentId, status } = JSON.parse(dataOf(await wire.send(request))!) as { enrollmentId: string; status: string };
      expect(status).toBe('approved');
      expect(dataOf(await wire.send(`update:public:publickey${atSign} MIIBenc`))).toBe('0');
      expect(await wire.send('delete:privatekey:at_secret')).toBe(`data:-1\n${atSign}@`);
      const list = JSON.parse(dataOf(await wire.send('enroll:list'))!) as Record<string, unknown>;
      expect(list[`${enrollmentId}.new.enrollments.__manage${atSign}`]).toEqual({
        appName: 'atwallet', deviceName: 'first device', namespace: { __manage: 'rw', '*': 'rw' }, encryptedAPKAMSymmetricKey: null, status: 'approved',
      });

      const later = await new Wire(carol).open();
      expect(await later.pkam(atSign, app.privateKey)).toBe(`data:success\n${atSign}@`);
      const apkam = await new Wire(carol).open();
      expect(await apkam.pkam(atSign, app.privateKey, enrollmentId)).toBe(`data:success\n${atSign}@`);
      expect(JSON.parse(dataOf(await apkam.send(`keys:get:keyName:${enrollmentId}.default_self_enc_key.__manage${atSign}`))!)).toEqual({ value: aesEncrypt(app.symmetricKey, selfKey) });
      const again = await new Wire(carol).open();
      await again.send(`from:${atSign}`);
      expect(await again.send(`cram:${digest('x')}`)).toBe('error:AT0015-Exception: privatekey:at_secret does not exist in keystore\n@');
      await expect(carol.approver.otp()).rejects.toThrow(/has no keys: this atServer was started for activation/u);
    } finally {
      carol.close();
    }
    await settle();
  });
});
