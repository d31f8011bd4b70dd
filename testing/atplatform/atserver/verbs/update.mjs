// update (abstract_update_verb_handler.dart, update_verb_handler.dart): the
// key put together from the regex's groups, refused for another atSign, for
// key types one may not write and past 248 characters; the tags the
// server keeps (sharedKeyStatus is parsed and dropped); an existing key's
// metadata kept where the command is silent and cleared where it says "null";
// the answer is the commit id (-1 for keys outside the commit log).
import { fixAtSign } from '../at-sign.mjs';
import { requireAuthorized } from '../authorize.mjs';
import { DartException, fail } from '../errors.mjs';
import { keyType, keyTypeText } from '../key-types.mjs';
import { STRING_TAGS } from '../metadata.mjs';

const WRITABLE = new Set(['selfKey', 'sharedKey', 'publicKey', 'reservedKey']);
const MAX_KEY_LENGTH = 248;

/** int.parse, which the server does not guard for ttr. */
function dartInt(value) {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new DartException('FormatException: Invalid radix-10 number (at character 1)');
  return number;
}

/** AtMetadataUtil.validateTTL / validateTTB. */
function timeTag(value, name) {
  if (value === undefined) return null;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw fail('InvalidSyntaxException', `Valid value for ${name} should be greater than or equal to 0`);
  return number;
}

/** AtMetadataUtil.validateTTR. */
function refreshTag(value) {
  if (value === undefined) return null;
  const number = dartInt(value);
  if (number === 0) return null;
  if (number <= -2) throw fail('InvalidSyntaxException', 'Valid values for TTR are -1 and greater than or equal to 1');
  return number;
}

/** getUpdateParams: the tags as the command gives them (booleans default to false, as Metadata's do). */
function readTags(params) {
  const tags = {
    ttl: timeTag(params.ttl, 'TTL'),
    ttb: timeTag(params.ttb, 'TTB'),
    ttr: refreshTag(params.ttr),
    isCascade: params.ccd === undefined ? null : params.ccd.toLowerCase() === 'true',
    isBinary: params.isBinary?.toLowerCase() === 'true',
    isEncrypted: params.isEncrypted?.toLowerCase() === 'true',
  };
  for (const tag of STRING_TAGS) tags[tag] = params[tag] ?? null;
  return tags;
}

/** validateCacheMetadata + _unsetOrRetainMetadata: what this write sets, given what is stored. */
function mergeTags(tags, existing) {
  const next = { ...tags };
  const validCascade = (t, c) => (t === null || t === 0 ? null : (c ?? false));
  if (existing === null) {
    next.isCascade = validCascade(next.ttr, next.isCascade);
    return next;
  }
  if (next.ttr !== null && next.isCascade !== null) {
    next.isCascade = validCascade(next.ttr, next.isCascade);
  } else if (next.ttr === null && next.isCascade !== null && existing.ttr != null) {
    next.ttr = existing.ttr;
    next.isCascade = validCascade(next.ttr, next.isCascade);
  } else if (next.isCascade === null && next.ttr !== null) {
    next.isCascade = existing.isCascade ?? false;
  }
  // Silent tags keep the stored value; the text "null" clears one.
  for (const [name, value] of Object.entries(next)) {
    if (value === null) next[name] = existing[name] ?? null;
    else if (value === 'null') next[name] = null;
  }
  // Dates carried over as the server's merge carries them; the builder recomputes those it has a time for.
  for (const name of ['expiresAt', 'availableAt', 'refreshAt']) next[name] = existing[name] ?? null;
  next.createdBy = existing.createdBy ?? null;
  return next;
}

export function update({ server, session }, params, response) {
  if (params.json !== undefined) throw fail('InvalidSyntaxException', 'update:json is not served by the local atServer');
  const sharedBy = params.atSign === undefined ? null : fixAtSign(params.atSign);
  const sharedWith = params.forAtSign === undefined ? null : fixAtSign(params.forAtSign);
  const tags = readTags(params);
  if (!params.atKey) throw fail('InvalidSyntaxException', 'atKey.key not supplied');
  if (sharedBy !== null && sharedBy !== server.atSign) {
    throw fail('InvalidAtKeyException', `Invalid update command - sharedBy atsign ${sharedBy} should be same as current atsign ${server.atSign}`);
  }
  let key = params.atKey;
  if (sharedWith !== null) key = `${sharedWith}:${key}`;
  if (sharedBy !== null) key = `${key}${sharedBy}`;
  if (params.publicScope === 'public') key = `public:${key}`;
  requireAuthorized(server, session, 'update', key);
  const type = keyType(key);
  if (!WRITABLE.has(type)) throw fail('InvalidAtKeyException', `You may not update keys of type ${keyTypeText(type)}`);
  const next = mergeTags(tags, server.store.getMeta(key));
  if (key.length > MAX_KEY_LENGTH) throw fail('InvalidAtKeyException', `key length ${key.length} is greater than max allowed ${MAX_KEY_LENGTH} chars`);
  response.data = String(server.store.put(key, params.value, next));
}
