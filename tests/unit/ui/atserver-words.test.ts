// What the popup says about each atSign's connection.
import { describe, expect, it } from 'vitest';
import { describeAtServerStatus } from '@/src/ui/popup/atserver-words';

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
