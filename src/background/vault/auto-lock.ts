// Locks the wallet after the person has not used it for the time they chose.
// Only the person's own actions count: a site that keeps calling does not keep
// the wallet open. The deadline is an alarm, so it fires even if the service
// worker was stopped in between.
import type { SettingsRepo } from '../db/settings-repo';
import type { SessionArea, Vault } from './vault';

export const AUTO_LOCK_ALARM = 'auto-lock';
const LAST_ACTIVITY = 'lastActivityAt';
/** Rescheduling on every click would cost an API call each; a few seconds' slack is fine. */
const RESCHEDULE_EVERY_MS = 10_000;

export interface AlarmsArea {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<unknown>;
}

export interface AutoLockDeps {
  vault: Vault;
  settings: SettingsRepo;
  alarms: AlarmsArea;
  session: SessionArea;
  now: () => number;
}

export class AutoLock {
  private lastScheduled = 0;

  constructor(private readonly deps: AutoLockDeps) {
    deps.vault.onLock(() => {
      this.lastScheduled = 0;
      void deps.alarms.clear(AUTO_LOCK_ALARM);
    });
  }

  /** The person did something: push the deadline back. `force` after a settings change or unlock. */
  async touch(force = false): Promise<void> {
    const now = this.deps.now();
    if (!force && now - this.lastScheduled < RESCHEDULE_EVERY_MS) return;
    if (!(await this.deps.vault.isUnlocked())) return;
    this.lastScheduled = now;
    const minutes = await this.deps.settings.get('autoLockMinutes');
    await this.deps.session.set({ [LAST_ACTIVITY]: now });
    await this.deps.alarms.create(AUTO_LOCK_ALARM, { when: now + minutes * 60_000 });
  }

  /** The alarm rang: lock if the person has really been away that long. */
  async onAlarm(name: string): Promise<void> {
    if (name !== AUTO_LOCK_ALARM) return;
    const minutes = await this.deps.settings.get('autoLockMinutes');
    const last = (await this.deps.session.get(LAST_ACTIVITY))[LAST_ACTIVITY];
    const deadline = (typeof last === 'number' ? last : 0) + minutes * 60_000;
    // Alarms may ring a little early; a second of slack is not worth a second alarm.
    if (this.deps.now() >= deadline - 1_000) await this.deps.vault.lock();
    else await this.deps.alarms.create(AUTO_LOCK_ALARM, { when: deadline });
  }
}
