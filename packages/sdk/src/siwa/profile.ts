// The profile a sign-in shares, signed with it (page API "signed profile").
// The wallet signs, with the same ed25519 key as the message, one line of
// text that names the message by its SHA-256 and the profile as canonical
// JSON (keys in order). The message already binds the atSign, the site's
// origin, the nonce and the time, so a profile cannot be moved to another
// sign-in, and no value can be changed, added or dropped — by a page script
// or anyone posting to the site — without the check failing.
import { encodeBase64Url, utf8Encode } from '../../../../src/shared/base64';
import { isFieldName, MAX_PICTURE_LENGTH, MAX_CUSTOM_FIELDS, STANDARD_FIELDS } from '../../../../src/shared/profile-fields';
import { SignInError, SignInErrorCode } from './errors';
import { checkSignature } from './signature';

/** At most this many fields: every standard claim and the custom ones a persona can hold. */
export const MAX_PROFILE_FIELDS = STANDARD_FIELDS.length + MAX_CUSTOM_FIELDS;
/** A value's longest (a picture as a data: URL). */
export const MAX_PROFILE_VALUE_CHARS = MAX_PICTURE_LENGTH;

export type Profile = Record<string, string>;

const mismatch = (message: string, cause?: unknown) => new SignInError(SignInErrorCode.PROFILE_MISMATCH, message, { cause });

/** The profile as the wallet signs it: its entries in key order, as JSON. */
export function canonicalProfile(profile: Profile): string {
  const keys = Object.keys(profile).sort();
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, profile[key]])));
}

/** The exact text the wallet signs for `profile` shared with the sign-in `message`. */
export async function profileStatement(message: string, profile: Profile): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8Encode(message)));
  return `atSign profile for the sign-in ${encodeBase64Url(digest)}: ${canonicalProfile(profile)}`;
}

/** A profile as the wallet gives one: field names of the page API, text values within their bounds. */
export function readProfile(value: unknown): Profile {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
    throw mismatch('The profile must be an object of field names and text.');
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_PROFILE_FIELDS) throw mismatch(`The profile has more than ${MAX_PROFILE_FIELDS} fields.`);
  for (const [name, text] of entries) {
    if (!isFieldName(name)) throw mismatch(`"${name.slice(0, 60)}" is not a profile field.`);
    if (typeof text !== 'string' || text.length > MAX_PROFILE_VALUE_CHARS) {
      throw mismatch(`The profile's ${name} must be text of at most ${MAX_PROFILE_VALUE_CHARS} characters.`);
    }
  }
  return Object.fromEntries(entries) as Profile;
}

/**
 * The profile that came with a sign-in, once its signature verifies with the
 * key that signed the message; {} when none came. A profile without its
 * signature, a signature without its profile, or any change: PROFILE_MISMATCH.
 */
export async function checkProfile(message: string, publicKey: string, profile: unknown, signature: unknown): Promise<Profile> {
  if (profile === undefined && signature === undefined) return {};
  if (profile === undefined) throw mismatch('The response has a profileSignature but no profile.');
  if (signature === undefined) throw mismatch('The profile is not signed: it needs the profileSignature the wallet gave with it.');
  const checked = readProfile(profile);
  try {
    await checkSignature(await profileStatement(message, checked), signature, publicKey);
  } catch (error) {
    throw mismatch('The profile is not the one the wallet signed with this sign-in.', error);
  }
  return checked;
}
