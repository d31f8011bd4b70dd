// Words and dates for the popup. Pure functions, so they are easy to test and
// the components stay dumb.

import { formatTime } from '../shared/words';

export { formatTime };

/** How long a grant lasts, in words: "until you revoke", "until …" or "expired …". */
export function describeExpiry(expiresAt: number | null, now: number, locale?: string): { text: string; expired: boolean } {
  if (expiresAt === null) return { text: 'until you revoke', expired: false };
  if (expiresAt <= now) return { text: `expired ${formatTime(expiresAt, locale)}`, expired: true };
  return { text: `until ${formatTime(expiresAt, locale)}`, expired: false };
}

// The OpenID Connect claim names sites ask for, as a person would say them.
const FIELD_LABELS: Record<string, string> = {
  name: 'Full name',
  given_name: 'First name',
  family_name: 'Last name',
  nickname: 'Nickname',
  preferred_username: 'Username',
  picture: 'Picture',
  website: 'Website',
  email: 'Email',
  phone_number: 'Phone number',
  birthdate: 'Birthday',
  locale: 'Language',
  zoneinfo: 'Time zone',
  address: 'Address',
};

export function fieldLabel(field: string): string {
  if (Object.hasOwn(FIELD_LABELS, field)) return FIELD_LABELS[field]!;
  if (field.startsWith('x-') && field.length > 2) return `${field.slice(2)} (custom)`;
  return field;
}
