// Words and dates for the popup. Pure functions, so they are easy to test and
// the components stay dumb.
import type { ActivityKind } from '../../shared/activity';
import { fieldLabel } from '../../shared/profile-fields';
import { formatTime } from '../shared/words';

// The field labels are the ones the approval window and the persona editor
// use, so a person reads the same word for a field everywhere.
export { fieldLabel, formatTime };

/** How long a grant lasts, in words: "until you revoke", "until …" or "expired …". */
export function describeExpiry(expiresAt: number | null, now: number, locale?: string): { text: string; expired: boolean } {
  if (expiresAt === null) return { text: 'until you revoke', expired: false };
  if (expiresAt <= now) return { text: `expired ${formatTime(expiresAt, locale)}`, expired: true };
  return { text: `until ${formatTime(expiresAt, locale)}`, expired: false };
}

// A string-keyed table, so a kind the log learns later still reads as itself.
const KIND_WORDS: Record<string, string> = {
  connect: 'Connected',
  read: 'Read',
  signIn: 'Signed in',
  disconnect: 'Disconnected',
  revoke: 'Revoked',
  expire: 'Expired',
  quieted: 'Not asked',
};

/** What happened, in one word a person reads: "Connected", "Read", "Revoked"… */
export function kindWord(kind: ActivityKind): string {
  return Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind]! : kind;
}

/** "1 site", "12 sites", "1,000 sites". */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
