// Reading the text after `data:` for each verb. A reply that is not what the
// verb answers is not the protocol: AtClientError('malformed'), never a crash.

import { excerpt, malformed } from './errors';
import { parseStoredMetadata, type AtStoredMetadata } from './metadata';
import { decodeValue } from './value-encoding';

/** A key's value with its metadata (`lookup:all` / `llookup:all`). */
export interface AtKeyRecord {
  /** The key as the server names it, when it says. */
  key?: string;
  /** The value as written: base64 undone when the metadata says `encoding:base64`. */
  value: string;
  metadata: AtStoredMetadata;
}

export interface AtServerInfo {
  /** The atServer's version, e.g. "3.2.0". */
  version: string;
  [detail: string]: unknown;
}

// The server answers `data:null` for a key that exists but is not live (expired, not yet born).
export const NULL_DATA = 'null';

export function parseJson(data: string, what: string): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw malformed(`The atServer's answer to ${what} is not JSON: ${excerpt(data)}.`, error);
  }
}

function objectOf(data: string, what: string): Record<string, unknown> {
  const parsed = parseJson(data, what);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformed(`The atServer's answer to ${what} is not a JSON object.`);
  }
  return parsed as Record<string, unknown>;
}

/** `update` and `delete` answer the commit id, or null when the change is not logged. */
export function parseCommitId(data: string, what: string): number | null {
  if (data === NULL_DATA) return null;
  if (!/^-?\d{1,15}$/.test(data)) throw malformed(`The atServer's answer to ${what} is not a commit id: ${excerpt(data)}.`);
  return Number(data);
}

export function parseKeyList(data: string): string[] {
  const parsed = parseJson(data, 'scan');
  if (!Array.isArray(parsed) || !parsed.every((key) => typeof key === 'string')) {
    throw malformed('The atServer\'s answer to scan is not a list of key names.');
  }
  return parsed;
}

export function parseMetadataReply(data: string, what: string): AtStoredMetadata | null {
  return data === NULL_DATA ? null : parseStoredMetadata(objectOf(data, what));
}

export function parseKeyRecord(data: string, what: string): AtKeyRecord | null {
  if (data === NULL_DATA) return null;
  const record = objectOf(data, what);
  if (typeof record.data !== 'string') throw malformed(`The atServer's answer to ${what} has no value.`);
  const metadata = parseStoredMetadata(record.metaData ?? {});
  const value = decodeValue(record.data, metadata);
  return typeof record.key === 'string' ? { key: record.key, value, metadata } : { value, metadata };
}

export function parseInfo(data: string): AtServerInfo {
  const info = objectOf(data, 'info');
  if (typeof info.version !== 'string') throw malformed('The atServer\'s info has no version.');
  return info as AtServerInfo;
}

/** One change in `sync:from`'s answer. */
export interface AtSyncEntry {
  /** The key as the server names it, e.g. "p1.personas.atwallet@alice". */
  atKey: string;
  commitId: number;
  /** The server's CommitOp symbol: "+" new, "*" update all, "#" metadata, "-" deleted. */
  operation: '+' | '*' | '#' | '-';
  /** The stored value (still base64 if it was written so), null for a delete. */
  value: string | null;
  /** The stored metadata, every value as the text the server sends; null for a delete. */
  metadata: Record<string, string> | null;
}

const SYNC_OPERATIONS = new Set(['+', '*', '#', '-']);

/** `sync:from` answers a JSON list of changes, oldest first. */
export function parseSyncEntries(data: string): AtSyncEntry[] {
  const parsed = parseJson(data, 'sync');
  if (!Array.isArray(parsed)) throw malformed("The atServer's answer to sync is not a list of changes.");
  return parsed.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw malformed('The atServer sent a sync change that is not a JSON object.');
    const e = item as Record<string, unknown>;
    if (typeof e.atKey !== 'string' || !Number.isSafeInteger(e.commitId) || typeof e.operation !== 'string' || !SYNC_OPERATIONS.has(e.operation)) {
      throw malformed('The atServer sent a sync change without a key, a commit id and an operation.');
    }
    let metadata: Record<string, string> | null = null;
    if (typeof e.metadata === 'object' && e.metadata !== null && !Array.isArray(e.metadata)) {
      metadata = {};
      for (const [name, value] of Object.entries(e.metadata)) if (typeof value === 'string') metadata[name] = value;
    }
    return {
      atKey: e.atKey,
      commitId: e.commitId as number,
      operation: e.operation as AtSyncEntry['operation'],
      value: typeof e.value === 'string' ? e.value : null,
      metadata,
    };
  });
}
