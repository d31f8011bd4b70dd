// An atSign's connection to its atServer, in words a person reads: a short
// label for the badge and a sentence saying what it means.
import type { AtServerStatus } from '../../shared/atserver-status';
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
