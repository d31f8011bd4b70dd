// Key names as the client accepts them, one grammar for every verb and
// stricter than the server's regexes, so that the server can only read a
// command the way it was meant: an optional scope (`public:` or `@bob:`), a
// name with no ":" "@" space or control character, and the owner's atSign.
//   public:signing_key.atwallet@alice   name.namespace@alice   @bob:name@alice
// `lookup` (someone's public data) takes no scope: the server adds `public:`.

import { badInput } from './errors';
import { checkToken } from './wire-text';

const PART = String.raw`[^:@\s\u0000-\u001f\u007f-\u009f]+`;
const SCOPED = new RegExp(`^(?:public:|@${PART}:)?${PART}@${PART}$`, 'u');
const PLAIN = new RegExp(`^${PART}@${PART}$`, 'u');

/** The CRAM secret an atServer holds until activation ends (ATPLATFORM §3). */
export const CRAM_SECRET_KEY = 'privatekey:at_secret';

const SHAPE = 'like "name.namespace@alice", "public:name.namespace@alice" or "@bob:name.namespace@alice"';

/** For llookup, update and delete: a key the connection's own atSign holds. */
export function checkOwnKey(key: string): string {
  checkToken(key, 'key name');
  if (!SCOPED.test(key)) throw badInput(`"${key}" is not a key name ${SHAPE}.`);
  return key;
}

/** For delete, which also removes the CRAM secret once an atSign is activated. */
export function checkDeletableKey(key: string): string {
  return key === CRAM_SECRET_KEY ? key : checkOwnKey(key);
}

/** For lookup: "name.namespace@owner", no scope. */
export function checkLookupKey(key: string): string {
  checkToken(key, 'key name');
  if (!PLAIN.test(key)) {
    throw badInput(`"${key}" is not a key to look up: give "name.namespace@owner" (the atServer adds "public:" itself).`);
  }
  return key;
}
