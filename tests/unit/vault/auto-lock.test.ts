import { describe, expect, it } from 'vitest';
import { SettingsRepo } from '@/src/background/db/settings-repo';
import { AUTO_LOCK_ALARM, AutoLock } from '@/src/background/vault/auto-lock';
import { clock, freshDb, makeVault, memorySession } from './support';

function fakeAlarms() {
  const scheduled = new Map<string, number>();
  return {
    scheduled,
    create: (name: string, info: { when: number }) => void scheduled.set(name, info.when),
    clear: async (name: string) => scheduled.delete(name),
  };
}

async function setupUnlocked(minutes?: number) {
  const db = freshDb();
  const session = memorySession();
  const time = clock();
  const settings = new SettingsRepo(db);
  if (minutes) await settings.set('autoLockMinutes', minutes);
  const vault = makeVault(db, session, time);
  const alarms = fakeAlarms();
  const autoLock = new AutoLock({ vault, settings, alarms, session, now: time.now });
  await vault.setup('correct horse battery');
  return { vault, alarms, autoLock, time };
}

describe('auto-lock', () => {
  it('locks after 15 minutes without the person, by default', async () => {
    const { vault, alarms, autoLock, time } = await setupUnlocked();
    await autoLock.touch(true);
    expect(alarms.scheduled.get(AUTO_LOCK_ALARM)).toBe(time.now() + 15 * 60_000);
    time.advance(15 * 60_000);
    await autoLock.onAlarm(AUTO_LOCK_ALARM);
    expect(await vault.isUnlocked()).toBe(false);
    expect(alarms.scheduled.has(AUTO_LOCK_ALARM)).toBe(false);
  });

  it('waits longer when the person was active since the alarm was set', async () => {
    const { vault, alarms, autoLock, time } = await setupUnlocked(5);
    await autoLock.touch(true);
    time.advance(3 * 60_000);
    await autoLock.touch();
    time.advance(2 * 60_000);
    await autoLock.onAlarm(AUTO_LOCK_ALARM);
    expect(await vault.isUnlocked()).toBe(true);
    expect(alarms.scheduled.get(AUTO_LOCK_ALARM)).toBe(time.now() + 3 * 60_000);
  });

  it('ignores other alarms and does nothing while locked', async () => {
    const { vault, alarms, autoLock, time } = await setupUnlocked(1);
    await autoLock.touch(true);
    time.advance(60_000);
    await autoLock.onAlarm('something-else');
    expect(await vault.isUnlocked()).toBe(true);
    await vault.lock();
    await autoLock.touch(true);
    expect(alarms.scheduled.size).toBe(0);
  });
});
