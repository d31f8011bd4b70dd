// llookup and lookup (local_lookup_verb_handler.dart, lookup_verb_handler.dart)
// with SecondaryUtil.prepareResponseData's three answers: the value,
// `meta` (AtMetaData JSON) and `all` ({key, data, metaData}).
import { fixAtSign } from '../at-sign.mjs';
import { requireAuthorized } from '../authorize.mjs';
import { fail } from '../errors.mjs';
import { metaDataJson } from '../metadata.mjs';

function prepare(entry, operation) {
  if (operation === 'meta') return JSON.stringify(metaDataJson(entry.meta));
  if (operation === 'all') return JSON.stringify({ key: entry.key, data: entry.data, metaData: metaDataJson(entry.meta) });
  return entry.data;
}

/** A key not live (ttl passed, ttb not reached) answers `data:null`. */
const liveAnswer = (store, entry, operation) => (store.isActive(entry.meta) ? prepare(entry, operation) : null);

export function llookup({ server, session, command }, params, response) {
  let key = `${params.atKey}${fixAtSign(params.atSign)}`;
  if (params.forAtSign !== undefined) key = `${fixAtSign(params.forAtSign)}:${key}`;
  const isPublic = command.includes('public:');
  if (isPublic) key = `public:${key}`;
  if (command.includes('cached:')) key = `cached:${key}`;
  if (!isPublic) requireAuthorized(server, session, 'llookup', key);
  response.data = liveAnswer(server.store, server.store.get(key), params.operation);
}

export function lookup({ server, session }, params, response) {
  const owner = fixAtSign(params.atSign);
  const keyAtAtSign = `${params.atKey}${owner}`;
  const { operation } = params;
  if (!session.authenticated) {
    // Anyone may read this atSign's public data: lookup:x@alice reads public:x@alice.
    response.data = liveAnswer(server.store, server.store.get(`public:${keyAtAtSign}`), operation);
    return;
  }
  // The owner's own apps look up what is shared with the atSign itself: @alice:x@alice.
  const lookupKey = `${server.atSign}:${keyAtAtSign}`;
  requireAuthorized(server, session, 'lookup', lookupKey);
  if (owner !== server.atSign) {
    // The real server fetches another atSign's data over its own connection to that atServer.
    throw fail('SecondaryNotFoundException', `The local atServer of ${server.atSign} does not look up ${owner}'s data on its atServer`);
  }
  response.data = prepare(server.store.get(lookupKey), operation);
}
