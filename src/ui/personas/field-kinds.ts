// How each standard field is typed in: the input, a hint, and the group it
// sits in. The labels themselves come from the shared field list.
import type { StandardField } from '../../shared/profile-fields';

export type InputKind = 'text' | 'email' | 'tel' | 'url' | 'date' | 'textarea';

export interface FieldKind {
  input: InputKind;
  hint?: string;
  placeholder?: string;
  /** a <datalist> of suggestions */
  suggest?: 'locale' | 'zoneinfo';
}

export const FIELD_KINDS: Record<Exclude<StandardField, 'picture'>, FieldKind> = {
  name: { input: 'text' },
  given_name: { input: 'text' },
  family_name: { input: 'text' },
  nickname: { input: 'text' },
  preferred_username: { input: 'text' },
  email: { input: 'email', placeholder: 'name@example.com' },
  phone_number: { input: 'tel', hint: 'With the country code, like +44 20 7946 0000.' },
  website: { input: 'url', placeholder: 'https://' },
  address: { input: 'textarea', hint: 'As you would write it on an envelope.' },
  birthdate: { input: 'date' },
  locale: { input: 'text', hint: 'A language tag, like en-GB.', suggest: 'locale' },
  zoneinfo: { input: 'text', hint: 'Like Europe/London.', suggest: 'zoneinfo' },
};

/** The editor's groups, in order; a group with no title is not a fieldset. */
export const FIELD_GROUPS: { title: string | null; fields: StandardField[] }[] = [
  { title: null, fields: ['picture'] },
  { title: 'Name', fields: ['name', 'given_name', 'family_name', 'nickname', 'preferred_username'] },
  { title: 'Contact', fields: ['email', 'phone_number', 'website', 'address'] },
  { title: 'More about you', fields: ['birthdate', 'locale', 'zoneinfo'] },
];
