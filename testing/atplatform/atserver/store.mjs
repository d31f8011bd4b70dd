// The atServer's key store, as at_persistence's HiveKeystore behaves: keys
// lowercased (and stored without spaces), invalid keys refused, metadata
// built by the AtMetadataBuilder rules, a commit log whose ids count from 0
// and that leaves out private:, privatekey:, public:_ (but not public:__) and
// local: keys (those answer -1), one entry per key (a newer commit replaces
// the older), and the notification log. In memory, or one JSON file rewritten
// on every change — so dump() is exactly what is at rest.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fail } from './errors.mjs';
import { keyType } from './key-types.mjs';
import { buildMetadata, isActive } from './metadata.mjs';

const emptyState = () => ({ entries: {}, commitLog: { nextId: 0, entries: [] }, notifications: [] });

/** HiveKeyStoreHelper.prepareKey, before its UTF-7 step. */
const storedName = (key) => key.trim().toLowerCase().replaceAll(' ', '');

const UNCOMMITTED = /^(private:|privatekey:|public:_|local:)/;

function load(file) {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof state?.entries !== 'object' || typeof state?.commitLog?.nextId !== 'number' || !Array.isArray(state?.notifications)) {
      throw new Error('it is not an atServer store');
    }
    return state;
  } catch (error) {
    if (error.code === 'ENOENT') return emptyState();
    throw new Error(`The atServer store "${file}" cannot be read: ${error.message}`);
  }
}

export function createStore({ file, atSign, now = () => Date.now() }) {
  const state = file ? load(file) : emptyState();
  const save = () => {
    if (!file) return;
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  };

  function commit(key, operation) {
    if (!key.startsWith('public:__') && UNCOMMITTED.test(key)) return -1;
    const log = state.commitLog;
    const commitId = log.nextId++;
    log.entries = log.entries.filter((entry) => entry.key !== key);
    log.entries.push({ commitId, key, operation, opTime: now() });
    return commitId;
  }

  const store = {
    atSign,
    now,
    /** The entry under `key`, live or not; KeyNotFoundException as HiveKeystore.get throws it. */
    get(key) {
      const entry = state.entries[storedName(key)];
      if (!entry) throw fail('KeyNotFoundException', `${key.toLowerCase()} does not exist in keystore`);
      return { key: storedName(key), data: entry.data, meta: entry.meta };
    },
    getMeta: (key) => state.entries[storedName(key)]?.meta ?? null,
    has: (key) => Object.hasOwn(state.entries, storedName(key)),
    isActive: (meta) => isActive(meta, now()),
    /**
     * HiveKeystore.put: `next` is the metadata this write sets. Answers the
     * commit id (-1 when skipped or kept out of the log).
     */
    put(key, data, next = {}, { skipCommit = false } = {}) {
      const lower = key.toLowerCase();
      if (keyType(lower) === 'invalidKey') throw fail('InvalidAtKeyException', `Key ${lower} is invalid`);
      const name = storedName(key);
      const existing = state.entries[name] ?? null;
      const anyMetadata = Object.values(next).some((value) => value !== null && value !== undefined);
      // CommitOp's symbols: a rewrite is UPDATE_ALL (*); a new key UPDATE (+) unless it carries metadata.
      const operation = existing || anyMetadata ? '*' : '+';
      state.entries[name] = { data, meta: buildMetadata({ atSign, next, existing: existing?.meta ?? null, now: now() }) };
      const commitId = skipCommit ? -1 : commit(name, operation);
      save();
      return commitId;
    },
    /** HiveKeystore.remove: commits a delete whether or not the key was there. */
    remove(key, { skipCommit = false } = {}) {
      const name = storedName(key);
      delete state.entries[name];
      let commitId = -1;
      if (skipCommit) state.commitLog.entries = state.commitLog.entries.filter((entry) => entry.key !== name);
      else commitId = commit(name, '-');
      save();
      return commitId;
    },
    /** Live keys matching `pattern` (a RegExp searched in each key), in the keystore's sorted order. */
    keys(pattern = null) {
      const t = now();
      return Object.keys(state.entries)
        .filter((key) => isActive(state.entries[key].meta, t) && (pattern === null || pattern.test(key)))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    /** The last commit id given (-1 before any). */
    latestCommitId: () => state.commitLog.nextId - 1,
    commitEntries: () => state.commitLog.entries,
    /** Adds to the notification log, dropping the expired ones (the server's compaction job does it later). */
    addNotification(notification) {
      const t = now();
      state.notifications = state.notifications.filter((n) => n.expiresAt === null || n.expiresAt >= t);
      state.notifications.push(notification);
      save();
    },
    notifications: () => state.notifications,
    dump: () => structuredClone(state),
  };
  return store;
}
