// What the popup says about each atSign's connection.
import { describe, expect, it } from 'vitest';
import { describeAtServerStatus, describePersonaSync } from '@/src/ui/popup/atserver-words';

const NOW = 1_700_000_000_000;

describe('an atSign’s connection, in words', () => {
  it('names the atServer it is connected to', () => {
    expect(describeAtServerStatus({ state: 'online', address: 'alice.example:6464', since: NOW }, NOW)).toEqual({
      label: 'Online',
      detail: 'Connected to its atServer at alice.example:6464.',
      tone: 'ok',
    });
  });

  it('says why it is offline and when it tries again, rounded up', () => {
    const status = { state: 'offline', problem: 'unreachable', message: 'The connection dropped.', retryAt: NOW + 1_500 } as const;
    expect(describeAtServerStatus(status, NOW)).toMatchObject({ label: 'Offline', detail: 'The connection dropped. Trying again in 2 seconds.', tone: 'warn' });
    expect(describeAtServerStatus(status, NOW + 5_000).detail).toBe('The connection dropped. Trying again in 1 second.');
    expect(describeAtServerStatus({ ...status, retryAt: NOW + 120_000 }, NOW).detail).toBe('The connection dropped. Trying again in 2 minutes.');
  });

  it('tells an enrollment that waits for approval from an offline atServer', () => {
    const status = { state: 'offline', problem: 'pending', message: 'Waiting for approval.', retryAt: NOW + 1_000 } as const;
    expect(describeAtServerStatus(status, NOW).label).toBe('Waiting');
  });

  it('tells keys that are not accepted from access that has ended', () => {
    expect(describeAtServerStatus({ state: 'refused', problem: 'keys-refused', message: 'Not these keys.' }, NOW)).toEqual({
      label: 'Not accepted',
      detail: 'Not these keys.',
      tone: 'error',
    });
    expect(describeAtServerStatus({ state: 'refused', problem: 'enrollment-revoked', message: 'Revoked.' }, NOW).label).toBe('Access ended');
  });

  it('says a locked wallet connects once unlocked', () => {
    expect(describeAtServerStatus({ state: 'locked' }, NOW).detail).toBe('The wallet connects when it is unlocked.');
  });
});

describe('the personas’ sync, in words', () => {
  it('says when it last finished and what waits to be sent', () => {
    expect(describePersonaSync({ lastSyncedAt: null, waiting: 0, problem: null }, NOW)).toBe('Personas not synced yet.');
    expect(describePersonaSync({ lastSyncedAt: NOW - 5_000, waiting: 0, problem: null }, NOW)).toBe('Personas synced just now.');
    expect(describePersonaSync({ lastSyncedAt: NOW - 180_000, waiting: 1, problem: null }, NOW)).toBe(
      'Personas synced 3 minutes ago. 1 change waiting to be sent.',
    );
    expect(describePersonaSync({ lastSyncedAt: null, waiting: 3, problem: 'A value was left alone.' }, NOW)).toBe(
      'Personas not synced yet. 3 changes waiting to be sent. A value was left alone.',
    );
  });
});
