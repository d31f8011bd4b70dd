// Bringing an app to an atSign on the local atServer: activation by CRAM
// (whose first enrollment is approved at once and becomes the PKAM key), and
// APKAM — a one-time code, a pending request, the approver's answer, PKAM
// with the enrollment, the keys fetched and decrypted, namespaces enforced.
import { constants, createPublicKey, generateKeyPairSync, publicEncrypt, randomBytes, createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { aesDecrypt, aesEncrypt, ALICE, atKeysJson, dataOf, fixtureKeys, Wire } from './support';

const keys = fixtureKeys();

/** A new app's own keys: an APKAM RSA pair and an AES-256 symmetric key, the latter encrypted to the atSign's encryption key. */
function newApp() {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const symmetricKey = randomBytes(32).toString('base64');
  const encryptionKey = createPublicKey({ key: Buffer.from(keys.encryptionPublicKey, 'base64'), format: 'der', type: 'spki' });
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    symmetricKey,
    encryptedSymmetricKey: publicEncrypt({ key: encryptionKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(symmetricKey)).toString('base64'),
  };
}

const request = (app: ReturnType<typeof newApp>, otp: string, extra: Record<string, unknown> = {}) =>
  `enroll:request:${JSON.stringify({
    appName: 'atwallet',
    deviceName: 'firefox',
    namespaces: { atwallet: 'rw' },
    otp,
    apkamPublicKey: app.publicKey,
    encryptedAPKAMSymmetricKey: app.encryptedSymmetricKey,
    ...extra,
  })}`;

let core: AtServerCore;
beforeEach(async () => {
  core = await createAtServerCore({ atSign: ALICE, atKeys: atKeysJson() });
});

describe('APKAM enrollment', () => {
  it('goes pending → approved, and the app reads the atSign’s keys and its own namespace only', async () => {
    const app = newApp();
    const wire = new Wire(core);
    await wire.next();
    const otp = await core.approver.otp();
    expect(otp).toMatch(/^[A-Z1-9]{6}$/u);
    const answer = JSON.parse(dataOf(await wire.send(request(app, otp)))!);
    expect(answer).toEqual({ enrollmentId: expect.stringMatching(/^[0-9a-f-]{36}$/u), status: 'pending' });
    const { enrollmentId } = answer as { enrollmentId: string };
    expect(await wire.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`error:AT0026:enrollment_id: ${enrollmentId} is pending\n@`);

    expect(await core.approver.list()).toEqual([
      { enrollmentId, appName: 'atwallet', deviceName: 'firefox', namespaces: { atwallet: 'rw' }, status: 'pending' },
    ]);
    await core.approver.approve(enrollmentId);
    expect(await wire.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);

    const privateKey = JSON.parse(dataOf(await wire.send(`keys:get:keyName:${enrollmentId}.default_enc_private_key.__manage${ALICE}`))!);
    const selfKey = JSON.parse(dataOf(await wire.send(`keys:get:keyName:${enrollmentId}.default_self_enc_key.__manage${ALICE}`))!);
    expect(aesDecrypt(app.symmetricKey, privateKey.value)).toBe(keys.encryptionPrivateKey);
    expect(aesDecrypt(app.symmetricKey, selfKey.value)).toBe(keys.selfEncryptionKey);

    expect(dataOf(await wire.send(`update:public:signing_key.atwallet${ALICE} k`))).toMatch(/^\d+$/u);
    expect(await wire.send(`update:public:phone.wavi${ALICE} 123`)).toBe(
      `error:AT0009-UnAuthorized client in request : Connection with enrollment ID ${enrollmentId} is not authorized to update key: public:phone.wavi${ALICE}\n${ALICE}@`,
    );
    expect(await wire.send(`keys:get:keyName:someone-else.default_self_enc_key.__manage${ALICE}`)).toMatch(/^error:AT0009-/u);
    expect(await wire.send('enroll:list')).toMatch(/^error:AT0009-/u);
  });

  it('refuses a wrong or spent code, and a request missing what it needs', async () => {
    const app = newApp();
    const wire = new Wire(core);
    await wire.next();
    expect(await wire.send(request(app, 'WRONG1'))).toBe('error:AT0011-Exception: invalid otp. Cannot process enroll request\n@');
    const otp = await core.approver.otp();
    expect(dataOf(await wire.send(request(app, otp)))).toContain('pending');
    expect(await wire.send(request(app, otp, { deviceName: 'chrome' }))).toBe('error:AT0011-Exception: invalid otp. Cannot process enroll request\n@');
    expect(await wire.send(request(app, await core.approver.otp(), { namespaces: {} }))).toBe(
      'error:AT0011-Exception: At least one namespace must be specified for new client enroll:request\n@',
    );
    expect(await wire.send(request(app, await core.approver.otp()))).toMatch(/Another enrollment with id .* exists with the app name: atwallet and device name: firefox in pending state/u);
  });

  it('says denied and revoked at PKAM (AT0025, AT0027), and drops a revoked app’s connection', async () => {
    const denied = newApp();
    const wire = new Wire(core);
    await wire.next();
    const { enrollmentId: deniedId } = JSON.parse(dataOf(await wire.send(request(denied, await core.approver.otp())))!) as { enrollmentId: string };
    await core.approver.deny(deniedId);
    expect(await wire.pkam(ALICE, denied.privateKey, deniedId)).toBe(`error:AT0025:enrollment_id: ${deniedId} is denied\n@`);

    const revoked = newApp();
    const { enrollmentId } = JSON.parse(dataOf(await wire.send(request(revoked, await core.approver.otp(), { deviceName: 'chrome' })))!) as { enrollmentId: string };
    await core.approver.approve(enrollmentId);
    const app = new Wire(core);
    await app.next();
    expect(await app.pkam(ALICE, revoked.privateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);
    await core.approver.revoke(enrollmentId);
    expect(app.closed).toBe(true);
    const again = new Wire(core);
    await again.next();
    expect(await again.pkam(ALICE, revoked.privateKey, enrollmentId)).toBe(`error:AT0027:enrollment_id: ${enrollmentId} is revoked\n@`);
    expect(await again.pkam(ALICE, revoked.privateKey, 'no-such-enrollment')).toBe('error:AT0028:enrollment_id: no-such-enrollment is expired or invalid\n@');
  });

  it('lets the atSign’s own app manage enrollments over the wire: otp:get, list, approve with the keys it encrypts', async () => {
    const owner = new Wire(core);
    await owner.next();
    await owner.pkam(ALICE, keys.pkamPrivateKey);
    const otp = dataOf(await owner.send('otp:get'))!;
    const app = newApp();
    const wire = new Wire(core);
    await wire.next();
    const { enrollmentId } = JSON.parse(dataOf(await wire.send(request(app, otp)))!) as { enrollmentId: string };
    const listed = JSON.parse(dataOf(await owner.send('enroll:list'))!);
    expect(listed[core.enrollmentKey(enrollmentId)]).toMatchObject({ appName: 'atwallet', status: 'pending', encryptedAPKAMSymmetricKey: app.encryptedSymmetricKey });
    const approve = {
      enrollmentId,
      encryptedDefaultEncryptionPrivateKey: aesEncrypt(app.symmetricKey, keys.encryptionPrivateKey),
      encryptedDefaultSelfEncryptionKey: aesEncrypt(app.symmetricKey, keys.selfEncryptionKey),
    };
    expect(JSON.parse(dataOf(await owner.send(`enroll:approve:${JSON.stringify(approve)}`))!)).toEqual({ status: 'approved', enrollmentId });
    expect(await owner.send(`enroll:approve:${JSON.stringify(approve)}`)).toMatch(/Cannot approve a approved enrollment/u);
    expect(await wire.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);
  });
});

describe('activation by CRAM', () => {
  it('authenticates with the secret, approves the first enrollment at once, and its key then signs in by PKAM', async () => {
    const secret = 'b2f9c7d1e0a34c5f8e6d';
    const fresh = await createAtServerCore({ atSign: '@newcomer', cramSecret: secret });
    const wire = new Wire(fresh);
    await wire.next();
    expect(await wire.send('lookup:publickey@newcomer')).toMatch(/^error:AT0015-/u);
    const challenge = dataOf(await wire.send('from:@newcomer'))!;
    expect(await wire.send(`cram:${createHash('sha512').update(`${secret}x${challenge}`).digest('hex')}`)).toBe(
      'error:AT0401-Exception: Authentication Failed\n@',
    );
    const again = dataOf(await wire.send('from:@newcomer'))!;
    expect(await wire.send(`cram:${createHash('sha512').update(`${secret}${again}`).digest('hex')}`)).toBe('data:success\n@newcomer@');

    const app = newApp();
    const answer = JSON.parse(
      dataOf(await wire.send(`enroll:request:${JSON.stringify({ appName: 'atwallet', deviceName: 'chrome', apkamPublicKey: app.publicKey, encryptedDefaultEncryptionPrivateKey: 'ZQ==', encryptedDefaultSelfEncryptionKey: 'cw==' })}`))!,
    );
    expect(answer).toEqual({ enrollmentId: expect.any(String), status: 'approved' });
    expect(dataOf(await wire.send(`update:public:publickey@newcomer ${keys.encryptionPublicKey}`))).toMatch(/^\d+$/u);
    expect(dataOf(await wire.send('delete:privatekey:at_secret'))).toMatch(/^\d+$/u);

    const later = new Wire(fresh);
    await later.next();
    expect(await later.pkam('@newcomer', app.privateKey)).toBe('data:success\n@newcomer@');
    expect(await later.send('lookup:publickey@newcomer')).toBe(`data:${keys.encryptionPublicKey}\n@newcomer@`);
    fresh.close();
  });
});
