// Param schemas several methods share.
import { isFieldName } from '../profile-fields';
import { PASSPHRASE_MIN_LENGTH } from '../wallet-state';
import * as s from '../schema';

export const passphrase = s.string({ min: 1, max: 1024 });
export const newPassphrase = s.string({ min: PASSPHRASE_MIN_LENGTH, max: 1024 });
// Checked against the atPlatform's rules by the handlers, which explain each rule broken.
export const atSign = s.string({ min: 1, max: 256 });
export const personaId = s.string({ min: 1, max: 64 });
export const requestId = s.string({ min: 1, max: 64 });
/** A profile field a site may ask for: an OIDC standard claim or x-<something>. */
export const fieldName = s.refine(s.string({ min: 1, max: 42 }), isFieldName, 'is not a profile field');
export const fieldList = s.array(fieldName, { max: 40, unique: true });
