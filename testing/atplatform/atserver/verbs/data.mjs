// The data verbs: update, llookup, lookup, delete, scan (at_secondary's
// handlers, with the answers prepareResponseData gives).
import { fail } from '../errors.mjs';
import { requireAccess, fixAtSign, mayAccess, namespaceOf, storedKey } from './keys.mjs';

const METADATA = ['ttl', 'ttb', 'ttr', 'ccd', 'dataSignature', 'sharedKeyStatus', 'isBinary', 'isEncrypted', 'sharedKeyEnc', 'pubKeyCS', 'encoding', 'encKeyName', 'encAlgo', 'ivNonce', 'skeEncKeyName', 'skeEncAlgo'];
const BOOLEAN = new Set(['ccd', 'isBinary', 'isEncrypted']);
// AtMetaData keeps these as whole numbers (ms), and writes them so in JSON.
const NUMBER = new Set(['ttl', 'ttb', 'ttr']);

/** The answer for `meta` and `all`, or the value itself. */
function answer(server, key, operation) {
  const entry = server.store.get(key);
  if (!entry.active) return 'null';
  if (operation === 'meta') return JSON.stringify(entry.metaData);
  if (operation === 'all') return JSON.stringify({ key, data: entry.data, metaData: entry.metaData });
  return entry.data;
}

function ownKey(server, owner) {
  if (owner !== server.atSign) throw fail('UnAuthorizedException', `Cannot update or delete a key of ${owner} on the atServer of ${server.atSign}`);
}

export function update(server, session, groups) {
  if (groups.json !== undefined) throw fail('InvalidSyntaxException', 'update:json is not served by the local atServer');
  const { key, owner } = storedKey(groups, server.atSign);
  ownKey(server, owner);
  requireAccess(server, session, key, 'rw', 'update');
  const meta = {};
  for (const tag of METADATA) {
    const value = groups[tag];
    if (value !== undefined) meta[tag] = BOOLEAN.has(tag) ? value === 'true' : NUMBER.has(tag) ? Number(value) : value;
  }
  const commitId = server.store.put(key, groups.value, meta, { skipCommit: key.startsWith('privatekey:') });
  return String(commitId);
}

export function llookup(server, session, groups) {
  const { key } = storedKey(groups, server.atSign);
  requireAccess(server, session, key, 'r', 'llookup');
  return answer(server, key, groups.operation);
}

export function lookup(server, session, groups) {
  const owner = fixAtSign(groups.atSign);
  const keyAtAtSign = `${groups.atKey}${owner}`;
  if (!session.authenticated) return answer(server, `public:${keyAtAtSign}`, groups.operation);
  if (owner !== server.atSign) throw fail('SecondaryNotFoundException', `The local atServer of ${server.atSign} does not look up keys of ${owner}`);
  requireAccess(server, session, keyAtAtSign, 'r', 'lookup');
  // The atSign's own app looking up its own key: the self key, else the public one.
  const key = server.store.has(keyAtAtSign) ? keyAtAtSign : `public:${keyAtAtSign}`;
  return answer(server, key, groups.operation);
}

export function remove(server, session, groups) {
  const { key, owner } = storedKey(groups, server.atSign);
  ownKey(server, owner);
  requireAccess(server, session, key, 'rw', 'delete');
  return String(server.store.delete(key));
}

/** Keys the owner's apps do not see in a scan unless they ask for hidden ones. */
function isHidden(key, showHidden) {
  if (showHidden && (key.startsWith('public:__') || key.startsWith('_'))) return false;
  return key.startsWith('private:') || key.startsWith('privatekey:') || key.startsWith('public:_') || key.startsWith('_');
}

export function scan(server, session, groups) {
  if (groups.forAtSign !== undefined) throw fail('SecondaryNotFoundException', `The local atServer does not scan the atServer of ${groups.forAtSign}`);
  let keys = server.store.keys();
  if (session.authenticated) {
    keys = keys.filter((key) => !isHidden(key, groups.showhidden === 'true'));
    keys = keys.filter((key) => namespaceOf(key) !== '__manage' && (key.startsWith('public:') || mayAccess(server, session, key, 'r')));
  } else {
    keys = keys.filter((key) => key.startsWith('public:') && !key.startsWith('public:_')).map((key) => key.slice('public:'.length));
  }
  if (groups.regex !== undefined) {
    let pattern;
    try {
      pattern = new RegExp(groups.regex);
    } catch {
      throw fail('InvalidSyntaxException', `Invalid regular expression. ${groups.regex} is not a valid regex`);
    }
    keys = keys.filter((key) => pattern.test(key));
  }
  return JSON.stringify(keys);
}
