// sync:from (sync_progressive_verb_handler.dart): what changed after a commit
// id, so an app can catch up with its atSign's other apps — the statsNotification
// on its monitor says when there is something. Up to 25 entries a page, each
// {atKey, value, metadata (every value as text), commitId, operation} with
// CommitOp's symbols (+ * # -); an APKAM app sees only its namespaces' keys.
import { ALL_NAMESPACES, MANAGE, getEnrollment } from '../enrollments.mjs';
import { keyType, parseAtKey } from '../key-types.mjs';
import { metaDataJson } from '../metadata.mjs';
import { DartException } from '../errors.mjs';

/** sync.pageLimit and sync.bufferSize in the server's config.yaml. */
const PAGE_LIMIT = 25;
const BUFFER_BYTES = 5_242_880;

/** Shared keys, the encryption public key and public keys without a namespace go to every sync, whatever the regex. */
const alwaysSynced = (key) => (key.includes('shared_key') && keyType(key) === 'reservedKey') || key.startsWith('public:publickey') || (key.startsWith('public:') && !key.includes('.'));

function namespaceOf(key) {
  try {
    return parseAtKey(key).namespace;
  } catch {
    return undefined;
  }
}

export function syncFrom({ server, session }, params, response) {
  const { store } = server;
  const from = Number(params.from_commit_seq) + 1;
  let regex;
  try {
    regex = new RegExp(params.regex ?? '.*');
  } catch (error) {
    throw new DartException(`FormatException: ${error.message}`);
  }
  const enrolled = session.enrollmentId === null ? {} : getEnrollment(store, session.enrollmentId).namespaces;
  const limitByNamespace = Object.keys(enrolled).length > 0 && !Object.hasOwn(enrolled, ALL_NAMESPACES) && !Object.hasOwn(enrolled, MANAGE);
  const candidates = [...store.commitEntries()]
    .sort((a, b) => a.commitId - b.commitId)
    .filter((entry) => entry.commitId >= from && namespaceOf(entry.key) !== undefined && (regex.test(entry.key) || alwaysSynced(entry.key)))
    .slice(0, PAGE_LIMIT);
  const page = [];
  let bytes = 0;
  for (const entry of candidates) {
    if (keyType(entry.key) === 'invalidKey') continue;
    const namespace = namespaceOf(entry.key);
    if (namespace === undefined) continue;
    if (namespace !== null && limitByNamespace && !Object.hasOwn(enrolled, namespace)) continue;
    const item = { atKey: entry.key, value: null, metadata: null, commitId: entry.commitId, operation: entry.operation };
    if (entry.operation !== '-') {
      if (!store.has(entry.key)) continue;
      const stored = store.get(entry.key);
      item.value = stored.data;
      item.metadata = Object.fromEntries(Object.entries(metaDataJson(stored.meta)).map(([name, value]) => [name, String(value)]));
    }
    const size = Buffer.byteLength(JSON.stringify(item));
    const overflow = bytes + size > BUFFER_BYTES;
    if (page.length > 0 && overflow) break;
    page.push(item);
    if (overflow) break;
    bytes += size;
  }
  response.data = JSON.stringify(page);
}
