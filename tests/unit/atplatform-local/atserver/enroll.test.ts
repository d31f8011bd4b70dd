// APKAM on the local atServer: one-time codes, a new app's request, the
// approver's answer, PKAM with the enrollment, the atSign's keys fetched and
// decrypted with the app's symmetric key, its namespaces enforced — and every
// refusal on the way.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { aesDecrypt, ALICE, aliceCore, asAlice, atKeysJson, dataOf, enrollRequest, fixtureKeys, newApp, Wire, type App } from './support';

const keys = fixtureKeys();
let core: AtServerCore;
beforeEach(async () => {
  core = await aliceCore();
});
afterEach(() => core.close());

async function requestEnrollment(app: App, extra: Record<string, unknown> = {}): Promise<string> {
  const stranger = await new Wire(core).open();
  const answer = JSON.parse(dataOf(await stranger.send(enrollRequest(app, await core.approver.otp(), extra)))!) as Record<string, unknown>;
  expect(answer).toEqual({ enrollmentId: expect.stringMatching(/^[0-9a-f-]{36}$/u), status: 'pending' });
  return answer.enrollmentId as string;
}

async function signedIn(app: App, enrollmentId: string): Promise<Wire> {
  const wire = await new Wire(core).open();
  expect(await wire.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);
  return wire;
}

describe('APKAM enrollment', () => {
  it('issues one-time codes as the server makes them: six capitals and digits, at least one digit, no 0 or O', async () => {
    const owner = await asAlice(core);
    for (let i = 0; i < 20; i++) expect(dataOf(await owner.send('otp:get'))).toMatch(/^(?=.*\d)[A-NP-Z1-9]{6}$/u);
  });

  it('goes pending → approved; the app signs in with its own key and decrypts the atSign’s keys', async () => {
    const app = newApp();
    const enrollmentId = await requestEnrollment(app);
    const early = await new Wire(core).open();
    expect(await early.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`error:AT0026:enrollment_id: ${enrollmentId} is pending\n@`);
    expect(await core.approver.list()).toEqual([{ enrollmentId, appName: 'atwallet', deviceName: 'firefox', namespaces: { atwallet: 'rw' }, status: 'pending' }]);
    await core.approver.approve(enrollmentId);
    const wire = await signedIn(app, enrollmentId);
    const privateKey = JSON.parse(dataOf(await wire.send(`keys:get:keyName:${enrollmentId}.default_enc_private_key.__manage${ALICE}`))!) as { value: string };
    const selfKey = JSON.parse(dataOf(await wire.send(`keys:get:keyName:${enrollmentId}.default_self_enc_key.__manage${ALICE}`))!) as { value: string };
    expect(aesDecrypt(app.symmetricKey, privateKey.value)).toBe(keys.encryptionPrivateKey);
    expect(aesDecrypt(app.symmetricKey, selfKey.value)).toBe(keys.selfEncryptionKey);
    expect(JSON.parse(dataOf(await wire.send(`keys:get:private`))!)).toEqual([`${enrollmentId}.default_enc_private_key.__manage${ALICE}`]);
    // Approving also published the app's APKAM public key.
    const stranger = await new Wire(core).open();
    expect(dataOf(await stranger.send(`lookup:atwallet.firefox.pkam.__pkams.__public_keys${ALICE}`))).toBe(JSON.stringify({ apkamPublicKey: app.publicKey }));
    const info = JSON.parse(dataOf(await wire.send('info'))!) as { apkam_metadata: Record<string, unknown> };
    expect(info.apkam_metadata).toMatchObject({ appName: 'atwallet', deviceName: 'firefox', namespaces: { atwallet: 'rw' }, approval: { state: 'approved' }, apkamPublicKey: app.publicKey });
  });

  it('keeps an enrolled app to its namespaces (AT0009), lets it read reserved keys, and scans only its own', async () => {
    const app = newApp();
    const enrollmentId = await requestEnrollment(app);
    await core.approver.approve(enrollmentId);
    const owner = await asAlice(core);
    await owner.send(`update:p1.personas.wavi${ALICE} theirs`);
    const wire = await signedIn(app, enrollmentId);
    expect(dataOf(await wire.send(`update:public:signing_key.atwallet${ALICE} k`))).toMatch(/^\d+$/u);
    expect(dataOf(await wire.send(`update:deep.keys.atwallet${ALICE} k`))).toMatch(/^\d+$/u);
    const refused = (verb: string, key: string) => `error:AT0009-UnAuthorized client in request : Connection with enrollment ID ${enrollmentId} is not authorized to ${verb} key: ${key}\n${ALICE}@`;
    expect(await wire.send(`update:public:phone.wavi${ALICE} 123`)).toBe(refused('update', `public:phone.wavi${ALICE}`));
    expect(await wire.send(`update:nonamespace${ALICE} 1`)).toBe(refused('update', `nonamespace${ALICE}`));
    expect(await wire.send(`llookup:p1.personas.wavi${ALICE}`)).toBe(refused('llookup', `p1.personas.wavi${ALICE}`));
    expect(await wire.send(`delete:p1.personas.wavi${ALICE}`)).toBe(refused('delete', `p1.personas.wavi${ALICE}`));
    expect(dataOf(await wire.send(`llookup:public:publickey${ALICE}`))).toBe(keys.encryptionPublicKey);
    // Every public key shows (the app's own APKAM key too), and of the rest only its namespace's.
    expect(JSON.parse(dataOf(await wire.send('scan'))!)).toEqual([
      `deep.keys.atwallet${ALICE}`,
      `public:atwallet.firefox.pkam.__pkams.__public_keys${ALICE}`,
      `public:publickey${ALICE}`,
      `public:signing_key.atwallet${ALICE}`,
    ]);
    // Without __manage: its own enrollment only, and no deciding.
    expect(Object.keys(JSON.parse(dataOf(await wire.send('enroll:list'))!) as object)).toEqual([`${enrollmentId}.new.enrollments.__manage${ALICE}`]);
    expect(await wire.send(`enroll:deny:{"enrollmentId":"${enrollmentId}"}`)).toBe(
      `error:AT0011-Internal server exception : Failed to deny enrollment id: ${enrollmentId}. The approving enrollment does not have access to "__manage" namespace\n${ALICE}@`,
    );
  });

  it('answers keys:get with any stored key an approved app names — the server checks nothing more', async () => {
    const app = newApp();
    const enrollmentId = await requestEnrollment(app);
    await core.approver.approve(enrollmentId);
    const wire = await signedIn(app, enrollmentId);
    expect(dataOf(await wire.send('keys:get:keyName:privatekey:at_pkam_publickey'))).toBe(keys.pkamPublicKey);
    expect(await wire.send('keys:get:keyName:no.such.key')).toBe(`error:AT0015-key not found : key no.such.key not found in keystore\n${ALICE}@`);
    const legacy = await asAlice(core);
    expect(await legacy.send('keys:get:keyName:x')).toBe(`error:AT0011-Internal server exception : Keys verb cannot be accessed without an enrollmentId\n${ALICE}@`);
  });

  it('refuses a wrong or spent code, and requests missing what the server needs', async () => {
    const app = newApp();
    const wire = await new Wire(core).open();
    const wrongCode = 'error:AT0011-Exception: invalid otp. Cannot process enroll request\n@';
    expect(await wire.send(enrollRequest(app, 'WRONG1'))).toBe(wrongCode);
    const otp = await core.approver.otp();
    expect(dataOf(await wire.send(enrollRequest(app, otp.toLowerCase())))).toContain('"status":"pending"');
    expect(await (await new Wire(core).open()).send(enrollRequest(app, otp, { deviceName: 'chrome' }))).toBe(wrongCode);
    const other = await new Wire(core).open();
    expect(await other.send(enrollRequest(app, await core.approver.otp()))).toMatch(/^error:AT0011-Exception: Another enrollment with id [0-9a-f-]{36} exists with the app name: atwallet and device name: firefox in pending state\n@$/u);
    expect(await other.send(enrollRequest(app, 'X', { namespaces: {} }))).toBe('error:AT0011-Exception: At least one namespace must be specified for new client enroll:request\n@');
    expect(await other.send(enrollRequest(app, 'X', { encryptedAPKAMSymmetricKey: '' }))).toBe('error:AT0011-Exception: encrypted apkam symmetric key is mandatory for new client enroll:request\n@');
    expect(await other.send(enrollRequest(app, 'X', { apkamPublicKey: null }))).toBe('error:AT0011-Exception: apkam public key is mandatory for enroll:request\n@');
    expect(await other.send('enroll:request')).toBe('error:AT0022-Exception: Enroll parameters not provided\n@');
    expect(await other.send('enroll:request:{"appName":5}')).toBe("error:AT0010-Exception: type 'int' is not a subtype of type 'String?' in type cast\n@");
  });

  it('makes wrong codes wait as the server does: one second, then two, then three', async () => {
    const slow = await createAtServerCore({ atSign: ALICE, atKeys: atKeysJson() });
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const wire = await new Wire(slow).open();
      const app = newApp();
      for (const wait of [1000, 2000, 3000]) {
        const answered = wire.written.length;
        const answer = wire.send(enrollRequest(app, 'WRONG1'));
        await vi.advanceTimersByTimeAsync(wait - 1);
        expect(wire.written).toHaveLength(answered);
        await vi.advanceTimersByTimeAsync(1);
        expect(await answer).toBe('error:AT0011-Exception: invalid otp. Cannot process enroll request\n@');
      }
    } finally {
      vi.useRealTimers();
      slow.close();
    }
  });

  it('limits a connection to five requests an hour (answered as AT0011: the code map misspells the class)', async () => {
    const wire = await new Wire(core).open();
    const app = newApp();
    for (let i = 0; i < 5; i++) expect(await wire.send(enrollRequest(app, 'WRONG1'))).toMatch(/invalid otp/u);
    expect(await wire.send(enrollRequest(app, 'WRONG1'))).toBe('error:AT0011-Exception: Enrollment requests have exceeded the limit within the specified time frame\n@');
  });

  it('accepts a standing passcode set with otp:put, again and again', async () => {
    const owner = await asAlice(core);
    expect(await owner.send('otp:put:Standing1')).toBe(`data:ok\n${ALICE}@`);
    const stranger = await new Wire(core).open();
    expect(dataOf(await stranger.send(enrollRequest(newApp(), 'STANDING1', { deviceName: 'two' })))).toContain('pending');
    expect(dataOf(await stranger.send(enrollRequest(newApp(), 'standing1', { deviceName: 'three' })))).toContain('pending');
  });
});
