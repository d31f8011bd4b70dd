// The atServer's key store: values with the server's metadata (AtMetaData's
// fields and JSON names), a commit id per change, time-to-live and
// time-to-birth honoured, kept in memory or in one JSON file written on every
// change (so a dump is exactly what is at rest).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fail } from './errors.mjs';

/** Dart's DateTime.toUtc().toString(): "2026-12-05 10:00:00.000Z". */
export const dartTime = (ms) => new Date(ms).toISOString().replace('T', ' ');

const TAGS = ['ttl', 'ttb', 'ttr', 'ccd', 'isBinary', 'isEncrypted', 'dataSignature', 'sharedKeyEnc', 'pubKeyCS', 'encoding', 'encKeyName', 'encAlgo', 'ivNonce', 'skeEncKeyName', 'skeEncAlgo'];

export function createStore({ file, atSign, now = Date.now }) {
  let state = { commitId: -1, entries: {} };
  if (file) {
    try {
      state = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error.code !== 'ENOENT') throw new Error(`The atServer store "${file}" cannot be read: ${error.message}`);
    }
  }
  const save = () => {
    if (!file) return;
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  };

  /** Live: born (ttb passed) and not expired (ttl). */
  const isActive = (entry) => {
    const t = now();
    const { availableAt, expiresAt } = entry.times;
    return (availableAt === null || availableAt <= t) && (expiresAt === null || expiresAt > t);
  };

  /** AtMetaData.toJson, nulls removed (the server's removeNulls). */
  const metaJson = (entry) => {
    const { createdAt, updatedAt, availableAt, expiresAt, refreshAt } = entry.times;
    const json = {
      createdBy: entry.meta.createdBy ?? atSign,
      updatedBy: entry.meta.updatedBy ?? atSign,
      createdAt: dartTime(createdAt),
      updatedAt: dartTime(updatedAt),
      availableAt: availableAt === null ? null : dartTime(availableAt),
      expiresAt: expiresAt === null ? null : dartTime(expiresAt),
      refreshAt: refreshAt === null ? null : dartTime(refreshAt),
      status: 'active',
      version: entry.version,
    };
    for (const tag of TAGS) json[tag] = entry.meta[tag] ?? null;
    return Object.fromEntries(Object.entries(json).filter(([, v]) => v !== null && v !== undefined));
  };

  return {
    /** The live entry under `key`; KeyNotFoundException as the Hive keystore throws it. */
    get(key) {
      const entry = state.entries[key];
      if (!entry) throw fail('KeyNotFoundException', `${key} does not exist in keystore`);
      return { data: entry.data, active: isActive(entry), metaData: metaJson(entry) };
    },
    has: (key) => Object.hasOwn(state.entries, key),
    /** Stores a value and its metadata tags; resolves the commit id (null for keys kept out of the commit log). */
    put(key, data, meta = {}, { skipCommit = false } = {}) {
      const t = now();
      const old = state.entries[key];
      const merged = { ...(old?.meta ?? {}), ...meta };
      const ttl = merged.ttl ? Number(merged.ttl) : 0;
      const ttb = merged.ttb ? Number(merged.ttb) : 0;
      const ttr = merged.ttr ? Number(merged.ttr) : 0;
      const availableAt = ttb > 0 ? t + ttb : null;
      state.entries[key] = {
        data,
        meta: merged,
        version: (old?.version ?? -1) + 1,
        times: {
          createdAt: old?.times.createdAt ?? t,
          updatedAt: t,
          availableAt,
          expiresAt: ttl > 0 ? (availableAt ?? t) + ttl : null,
          refreshAt: ttr > 0 ? t + ttr : null,
        },
      };
      const commitId = skipCommit ? null : ++state.commitId;
      save();
      return commitId;
    },
    delete(key) {
      if (!Object.hasOwn(state.entries, key)) return null;
      delete state.entries[key];
      state.commitId += 1;
      save();
      return state.commitId;
    },
    /** Every key name, live ones only. */
    keys: () => Object.keys(state.entries).filter((key) => isActive(state.entries[key])),
    dump: () => structuredClone(state),
  };
}
