// The command lines the client sends, built from checked parts only (no
// trailing newline: the connection adds it). Pure, so tests can check the
// exact bytes. Shapes are those the server's verb regexes accept
// (at_commons VerbSyntax) and Atsign's clients send.

import { decodeBase64 } from '../shared/base64';
import { requireAtSign } from './atsign-input';
import { checkDeletableKey, checkLookupKey, checkOwnKey } from './atkey-names';
import { badInput } from './errors';
import { metadataFragment, type AtMetadata } from './metadata';
import { encodeValue } from './value-encoding';
import { checkToken, wireJson } from './wire-text';

export type ReadOperation = 'value' | 'meta' | 'all';

const operationPrefix = (operation: ReadOperation): string => (operation === 'value' ? '' : `${operation}:`);

function checkOperation(operation: ReadOperation): void {
  if (operation !== 'value' && operation !== 'meta' && operation !== 'all') {
    throw badInput('A lookup is of the "value", its "meta"data, or "all" of it.');
  }
}

/** `from:@alice`, optionally telling the server which client this is (a version above 3.0.37 gets JSON errors). */
export function fromCommand(atSign: string, clientConfig?: Record<string, unknown>): string {
  const command = `from:${requireAtSign(atSign)}`;
  if (clientConfig === undefined) return command;
  if (typeof clientConfig !== 'object' || clientConfig === null || Array.isArray(clientConfig)) {
    throw badInput('clientConfig must be an object like { version: "3.0.38" }.');
  }
  return `${command}:clientConfig:${wireJson(clientConfig)}`;
}

/** `pkam:<sig>` (legacy), or the APKAM form naming the algorithms and the enrollment. */
export function pkamCommand(signature: string, enrollmentId?: string): string {
  if (typeof signature !== 'string' || decodeBase64(signature) === null || signature === '') {
    throw badInput('A PKAM signature must be base64.');
  }
  if (enrollmentId === undefined) return `pkam:${signature}`;
  checkToken(enrollmentId, 'enrollment id');
  if (/[:@]/.test(enrollmentId)) throw badInput('An enrollment id cannot contain ":" or "@".');
  return `pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:${enrollmentId}:${signature}`;
}

export function cramCommand(digestHex: string): string {
  if (typeof digestHex !== 'string' || !/^[0-9a-f]{128}$/.test(digestHex)) {
    throw badInput('A CRAM digest is 128 lowercase hex digits (SHA-512).');
  }
  return `cram:${digestHex}`;
}

export function lookupCommand(key: string, operation: ReadOperation = 'value'): string {
  checkOperation(operation);
  return `lookup:${operationPrefix(operation)}${checkLookupKey(key)}`;
}

export function llookupCommand(key: string, operation: ReadOperation = 'value'): string {
  checkOperation(operation);
  return `llookup:${operationPrefix(operation)}${checkOwnKey(key)}`;
}

/** `update:<metadata>:<key> <value>`; a value that would not survive the line goes as base64. */
export function updateCommand(key: string, value: string, metadata: AtMetadata = {}): string {
  checkOwnKey(key);
  const encoded = encodeValue(value, metadata);
  return `update${metadataFragment(encoded.metadata)}:${key} ${encoded.value}`;
}

export function deleteCommand(key: string): string {
  return `delete:${checkDeletableKey(key)}`;
}

export interface ScanOptions {
  /** Also list hidden keys (names starting "_"). */
  showHidden?: boolean;
}

export function scanCommand(regex?: string, { showHidden = false }: ScanOptions = {}): string {
  let command = showHidden ? 'scan:showhidden:true' : 'scan';
  if (regex !== undefined) {
    checkToken(regex, 'scan regex');
    command += ` ${regex}`;
  }
  return command;
}

export interface MonitorOptions {
  /** Only notifications whose key (or sender) matches. */
  regex?: string;
  /** Also send notifications received since this time (ms since epoch) — what a monitor restarting after a drop asks for. */
  since?: number;
  /** Only regex matches: no control notifications such as statsNotification. */
  strict?: boolean;
  /** Also notifications of this atSign's own changes. */
  selfNotifications?: boolean;
}

export function monitorCommand({ regex, since, strict = false, selfNotifications = false }: MonitorOptions = {}): string {
  let command = 'monitor';
  if (strict) command += ':strict';
  if (selfNotifications) command += ':selfNotifications';
  if (since !== undefined) {
    if (!Number.isSafeInteger(since) || since < 0) throw badInput('"since" must be a time in ms since the epoch.');
    command += `:${since}`;
  }
  if (regex !== undefined) {
    checkToken(regex, 'monitor regex');
    command += ` ${regex}`;
  }
  return command;
}

export interface SyncOptions {
  /** Only keys matching (the atServer adds its own always-synced keys, such as public:publickey). */
  regex?: string;
  /** Entries per page asked for; the atServer may send fewer. Default 25, its own page size. */
  limit?: number;
}

/** `sync:from:<commitId>:limit:<n>[:<regex>]` — what changed after a commit id (-1: from the start). */
export function syncFromCommand(commitId: number, { regex, limit = 25 }: SyncOptions = {}): string {
  if (!Number.isSafeInteger(commitId) || commitId < -1) throw badInput('A commit id is a whole number, -1 or more.');
  if (!Number.isSafeInteger(limit) || limit <= 0) throw badInput('A sync page limit is a whole number above 0.');
  let command = `sync:from:${commitId}:limit:${limit}`;
  if (regex !== undefined) {
    checkToken(regex, 'sync regex');
    command += `:${regex}`;
  }
  return command;
}

export function otpGetCommand({ ttlMs }: { ttlMs?: number } = {}): string {
  if (ttlMs === undefined) return 'otp:get';
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw badInput('An OTP lifetime must be a whole number of ms above 0.');
  return `otp:get:ttl:${ttlMs}`;
}

export function keysGetCommand(keyName: string): string {
  checkToken(keyName, 'key name');
  return `keys:get:keyName:${keyName}`;
}

export function noopCommand(delayMs = 0): string {
  if (!Number.isSafeInteger(delayMs) || delayMs < 0 || delayMs > 5000) throw badInput('A noop delay is 0–5000 ms.');
  return `noop:${delayMs}`;
}

export const INFO_COMMAND = 'info';
