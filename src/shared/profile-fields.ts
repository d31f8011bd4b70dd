// The fields a persona holds: the OpenID Connect standard claims, so a site
// can map them without thinking, plus custom fields named x-<something>.
// One definition serves the background (validation at the boundary) and the
// editor (inline messages), so both say the same thing.

export const STANDARD_FIELDS = [
  'name',
  'given_name',
  'family_name',
  'nickname',
  'preferred_username',
  'picture',
  'website',
  'email',
  'phone_number',
  'birthdate',
  'locale',
  'zoneinfo',
  'address',
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export const FIELD_LABELS: Record<StandardField, string> = {
  name: 'Full name',
  given_name: 'Given name',
  family_name: 'Family name',
  nickname: 'Nickname',
  preferred_username: 'Username',
  picture: 'Picture',
  website: 'Website',
  email: 'Email',
  phone_number: 'Phone number',
  birthdate: 'Birth date',
  locale: 'Language',
  zoneinfo: 'Time zone',
  address: 'Address',
};

export const CUSTOM_FIELD = /^x-[a-z0-9][a-z0-9-]{0,39}$/;
export const FIELD_NAME = /^(?:[a-z_]{2,20}|x-[a-z0-9][a-z0-9-]{0,39})$/;
export const MAX_CUSTOM_FIELDS = 20;
export const MAX_LABEL_LENGTH = 60;
/** A 256 px JPEG or PNG as a data URL fits well within this. */
export const MAX_PICTURE_LENGTH = 200_000;

export function isFieldName(name: string): boolean {
  return (STANDARD_FIELDS as readonly string[]).includes(name) || CUSTOM_FIELD.test(name);
}

/** Own keys only: a name such as "constructor" must not find Object's. */
const lookup = (table: Record<string, string>, name: string) => (Object.hasOwn(table, name) ? table[name] : undefined);

export function fieldLabel(name: string, customLabels: Record<string, string> = {}): string {
  return lookup(FIELD_LABELS, name) ?? lookup(customLabels, name) ?? name;
}

const MAX_LENGTH: Partial<Record<StandardField, number>> = { address: 500, picture: MAX_PICTURE_LENGTH };
const DEFAULT_MAX_LENGTH = 200;

function validDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) && d.getTime() <= Date.now();
}

function validUrl(value: string, schemes: string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const RULES: Partial<Record<StandardField, (v: string) => string | null>> = {
  email: (v) => (/^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}$/.test(v) ? null : 'Enter an email address like name@example.com.'),
  phone_number: (v) =>
    /^\+?[0-9 ()./-]{6,25}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 6
      ? null
      : 'Enter a phone number with its country code, like +44 20 7946 0000.',
  website: (v) => (validUrl(v, ['https:', 'http:']) ? null : 'Enter a web address that starts with https://.'),
  picture: (v) =>
    /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/.test(v) || validUrl(v, ['https:'])
      ? null
      : 'A picture is an uploaded image or an https:// address.',
  birthdate: (v) => (validDate(v) ? null : 'Enter a date in the past, as YYYY-MM-DD.'),
  locale: (v) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? null : 'Enter a language tag like en-GB.'),
  zoneinfo: (v) => (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(v) ? null : 'Enter a time zone like Europe/London.'),
};

/** Why a value cannot be stored in a field, in words for a person; null when it can. */
export function fieldProblem(name: string, value: string): string | null {
  if (!isFieldName(name)) return `"${name.slice(0, 40)}" is not a field a persona can hold.`;
  const max = (Object.hasOwn(MAX_LENGTH, name) ? MAX_LENGTH[name as StandardField] : undefined) ?? DEFAULT_MAX_LENGTH;
  if (value.length > max) return `Keep this under ${max.toLocaleString('en')} characters.`;
  if (value.trim() !== value) return 'Remove the spaces at the start or end.';
  // An address may span lines; nothing may hold other control characters.
  const allowed = name === 'address' ? /[\n\r]/g : /$^/g;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value.replace(allowed, ''))) return 'Remove line breaks and control characters.';
  const rule = Object.hasOwn(RULES, name) ? RULES[name as StandardField] : undefined;
  return rule?.(value) ?? null;
}

/**
 * Whether two persona names are one name to the person reading them: spaces
 * around it, letter case and how an accent is encoded do not tell them apart.
 */
export function samePersonaName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().normalize('NFC').toLowerCase();
  return plain(a) === plain(b);
}

/**
 * Why a persona cannot take a name (trimmed) another persona of the atSign
 * has, or null. The editor says it beside the name; the background refuses
 * the save with it.
 */
export function takenNameProblem(name: string, otherNames: readonly string[]): string | null {
  return otherNames.some((other) => samePersonaName(other, name)) ? `You already have a persona called ${name}.` : null;
}
