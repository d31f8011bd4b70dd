// An atSign's connection to its atServer, in words a person reads: a short
// label for the badge and a sentence saying what it means.
import type { AtServerStatus, PersonaSyncStatus } from '../../shared/atserver-status';
import { formatWait } from '../shared/words';

export interface StatusWords {
  label: string;
  detail: string;
  tone: 'ok' | 'busy' | 'warn' | 'error';
}

export function describeAtServerStatus(status: AtServerStatus, now: number): StatusWords {
  switch (status.state) {
    case 'online':
      return { label: 'Online', detail: `Connected to its atServer at ${status.address}.`, tone: 'ok' };
    case 'connecting':
      return { label: 'Connecting…', detail: 'Reaching its atServer.', tone: 'busy' };
    case 'locked':
      return { label: 'Offline', detail: 'The wallet connects when it is unlocked.', tone: 'warn' };
    case 'offline': {
      const seconds = Math.max(1, Math.ceil((status.retryAt - now) / 1000));
      return { label: status.problem === 'pending' ? 'Waiting' : 'Offline', detail: `${status.message} Trying again in ${formatWait(seconds)}.`, tone: 'warn' };
    }
    case 'refused':
      return { label: status.problem === 'keys-refused' ? 'Not accepted' : 'Access ended', detail: status.message, tone: 'error' };
  }
}

/** The personas' sync in one sentence: when it last finished, and what waits to be sent. */
export function describePersonaSync({ lastSyncedAt, waiting, problem }: PersonaSyncStatus, now: number): string {
  const seconds = lastSyncedAt === null ? null : Math.max(0, Math.round((now - lastSyncedAt) / 1000));
  const when =
    seconds === null ? 'Personas not synced yet.' : seconds < 60 ? 'Personas synced just now.' : `Personas synced ${formatWait(seconds)} ago.`;
  const queue = waiting === 0 ? '' : waiting === 1 ? ' 1 change waiting to be sent.' : ` ${waiting} changes waiting to be sent.`;
  return `${when}${queue}${problem ? ` ${problem}` : ''}`;
}
