// monitor on the local atServer: what the real server writes to a monitor —
// a statsNotification with the latest commit id after every update and
// delete (and every 15 seconds), `notify`s sent to the atSign by its own
// apps, enrollment requests to `selfNotifications` monitors — filtered by
// regex and by an APKAM app's namespaces, replayed from `monitor:<epochMillis>`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, aliceCore, asAlice, dataOf, enrollRequest, newApp, settle, Wire } from './support';

let core: AtServerCore;
beforeEach(async () => {
  core = await aliceCore();
});
afterEach(() => {
  core.close();
  vi.useRealTimers();
});

/** A monitor line's JSON. */
function notification(line: string): Record<string, unknown> {
  expect(line).toMatch(/^notification: \{.*\}\n$/su);
  return JSON.parse(line.slice('notification: '.length)) as Record<string, unknown>;
}

async function monitorOf(command: string): Promise<Wire> {
  const wire = await asAlice(core);
  wire.session.receive(`${command}\n`);
  await settle();
  return wire;
}

describe('monitor', () => {
  it('answers nothing, then writes a statsNotification after each update and delete, whatever its regex', async () => {
    const watcher = await monitorOf('monitor nothing-matches-this');
    expect(watcher.written.at(-1)).toBe(`data:success\n${ALICE}@`);
    const app = await asAlice(core);
    const next = watcher.next();
    expect(dataOf(await app.send(`update:p1.personas.atwallet${ALICE} v`))).toBe('1');
    const stats = notification(await next);
    expect(Object.keys(stats)).toEqual(['id', 'from', 'to', 'key', 'value', 'operation', 'epochMillis', 'messageType', 'isEncrypted', 'metadata']);
    expect(stats).toEqual({
      id: '-1', from: ALICE, to: ALICE, key: `statsNotification.${ALICE}`, value: '1', operation: 'update',
      epochMillis: expect.any(Number), messageType: 'MessageType.key', isEncrypted: false, metadata: null,
    });
    const deleted = watcher.next();
    await app.send(`delete:p1.personas.atwallet${ALICE}`);
    expect(notification(await deleted)).toMatchObject({ value: '2', operation: 'delete' });
    // The monitor's connection still takes commands, and is told of its own changes too.
    expect(await watcher.send('noop:0')).toBe(`data:ok\n${ALICE}@`);
    expect(await watcher.send(`update:x.atwallet${ALICE} y`)).toBe(`data:3\n${ALICE}@`);
    expect(notification(await watcher.next())).toMatchObject({ value: '3' });
  });

  it('delivers a notify an app sends to its own atSign as received, matching the regex on key or sender', async () => {
    const all = await monitorOf('monitor');
    const wallet = await monitorOf('monitor \\.atwallet');
    const other = await monitorOf('monitor \\.wavi');
    const app = await asAlice(core);
    const id = dataOf(await app.send(`notify:update:messageType:key:${ALICE}:note.atwallet${ALICE}:hello`))!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/u);
    const expected = {
      id, from: ALICE, to: ALICE, key: `${ALICE}:note.atwallet${ALICE}`, value: 'hello', operation: 'update', epochMillis: expect.any(Number),
      messageType: 'MessageType.key', isEncrypted: true,
      metadata: { encKeyName: null, encAlgo: null, ivNonce: null, skeEncKeyName: null, skeEncAlgo: null, sharedKeyEnc: null },
    };
    expect(notification(await all.next())).toEqual(expected);
    expect(notification(await wallet.next())).toEqual(expected);
    expect(other.written.filter((line) => line.startsWith('notification:'))).toEqual([]);
    await app.send(`notify:id:n2:isEncrypted:false:ivNonce:aXY=:${ALICE}:x.wavi${ALICE}:v`);
    expect(notification(await other.next())).toMatchObject({ id: 'n2', isEncrypted: false, metadata: { ivNonce: 'aXY=' } });
    const bySender = await monitorOf(`monitor ^alice`);
    await app.send(`notify:messageType:text:${ALICE}:just text`);
    expect(notification(await bySender.next())).toMatchObject({ key: `${ALICE}:just text`, messageType: 'MessageType.text', value: null, isEncrypted: false });
  });

  it('refuses a notify for another atSign, which only the real server can deliver', async () => {
    const app = await asAlice(core);
    expect(await app.send(`notify:@bob:x.atwallet${ALICE}:v`)).toMatch(/^error:AT0007-Secondary server not found : /u);
    expect(await app.send(`notify:${ALICE}:x.atwallet@bob:v`)).toBe(`error:AT0009-UnAuthorized client in request : @bob is not authorized to send notification as ${ALICE}\n${ALICE}@`);
  });

  it('replays stored notifications after monitor:<epochMillis>, in the stored form', async () => {
    const app = await asAlice(core);
    const before = Date.now() - 1;
    await app.send(`notify:${ALICE}:early.atwallet${ALICE}:one`);
    const watcher = await monitorOf(`monitor:${before}`);
    const replayed = notification(watcher.written.at(-1)!);
    expect(replayed).toMatchObject({ key: `${ALICE}:early.atwallet${ALICE}`, value: 'one' });
    expect(replayed.metadata).toEqual({
      encKeyName: null, encAlgo: null, ivNonce: null, skeEncKeyName: null, skeEncAlgo: null, availableAt: 'null', expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/u),
    });
    const late = await monitorOf(`monitor:${Date.now() + 60_000}`);
    expect(late.written.at(-1)).toBe(`data:success\n${ALICE}@`);
  });

  it('tells only selfNotifications monitors of an enrollment request, with what the approving app needs', async () => {
    const manager = await monitorOf('monitor:selfNotifications');
    const plain = await monitorOf('monitor');
    const stranger = await new Wire(core).open();
    const app = newApp();
    const { enrollmentId } = JSON.parse(dataOf(await stranger.send(enrollRequest(app, await core.approver.otp())))!) as { enrollmentId: string };
    const n = notification(await manager.next());
    expect(n).toMatchObject({ key: `${enrollmentId}.new.enrollments.__manage${ALICE}`, from: ALICE, to: ALICE, operation: 'update', isEncrypted: false });
    expect(JSON.parse(String(n.value))).toEqual({
      encryptedApkamSymmetricKey: app.encryptedSymmetricKey, encryptedAPKAMSymmetricKey: app.encryptedSymmetricKey, appName: 'atwallet', deviceName: 'firefox', namespace: { atwallet: 'rw' },
    });
    expect(plain.written.filter((line) => line.startsWith('notification:'))).toEqual([]);
  });

  it('keeps an APKAM app’s monitor to its namespaces', async () => {
    const app = newApp();
    const stranger = await new Wire(core).open();
    const { enrollmentId } = JSON.parse(dataOf(await stranger.send(enrollRequest(app, await core.approver.otp())))!) as { enrollmentId: string };
    await core.approver.approve(enrollmentId);
    const watcher = await new Wire(core).open();
    expect(await watcher.pkam(ALICE, app.privateKey, enrollmentId)).toBe(`data:success\n${ALICE}@`);
    watcher.session.receive('monitor\n');
    await settle();
    const owner = await asAlice(core);
    await owner.send(`notify:${ALICE}:secret.wavi${ALICE}:no`);
    await owner.send(`notify:${ALICE}:mine.atwallet${ALICE}:yes`);
    expect(notification(await watcher.next())).toMatchObject({ key: `${ALICE}:mine.atwallet${ALICE}`, value: 'yes' });
  });

  it('writes the latest commit id every 15 seconds while a monitor is open, and stops with the last one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const watcher = await monitorOf('monitor');
    vi.advanceTimersByTime(15_000);
    expect(notification(watcher.written.at(-1)!)).toMatchObject({ id: '-1', value: '0', operation: 'update' });
    expect(vi.getTimerCount()).toBe(1);
    watcher.session.end();
    expect(vi.getTimerCount()).toBe(0);
  });
});
