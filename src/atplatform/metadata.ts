// atKey metadata: what `update` may set, written as `:tag:value` pairs in the
// exact order of the server's update regex (at_commons VerbSyntax) — a tag out
// of order does not parse — and what `llookup:meta`/`lookup:all` report back.

import { badInput, malformed } from './errors';

export interface AtMetadata {
  /** Time to live, ms. */
  ttl?: number;
  /** Time to birth, ms. */
  ttb?: number;
  /** Time to refresh a cached copy, ms; -1 = cache forever. */
  ttr?: number;
  /** Cascade delete of cached copies. */
  ccd?: boolean;
  /** base64 RSASSA-PKCS1-v1_5/SHA-256 over the UTF-8 value, by the encryption private key. */
  dataSignature?: string;
  sharedKeyStatus?: string;
  isBinary?: boolean;
  isEncrypted?: boolean;
  sharedKeyEnc?: string;
  pubKeyCS?: string;
  /** "base64" when the value was encoded to travel on one line. */
  encoding?: string;
  encKeyName?: string;
  encAlgo?: string;
  /** base64 IV/nonce of an encrypted value. */
  ivNonce?: string;
  skeEncKeyName?: string;
  skeEncAlgo?: string;
}

/** What the server reports besides: who and when. */
export interface AtStoredMetadata extends AtMetadata {
  createdBy?: string;
  updatedBy?: string;
  createdAt?: string;
  updatedAt?: string;
  availableAt?: string;
  expiresAt?: string;
  refreshAt?: string;
  status?: string;
  version?: number;
}

type Kind = 'count' | 'ttr' | 'flag' | 'text';

/** The server regex's order. */
export const METADATA_TAGS: ReadonlyArray<readonly [keyof AtMetadata, Kind]> = [
  ['ttl', 'count'],
  ['ttb', 'count'],
  ['ttr', 'ttr'],
  ['ccd', 'flag'],
  ['dataSignature', 'text'],
  ['sharedKeyStatus', 'text'],
  ['isBinary', 'flag'],
  ['isEncrypted', 'flag'],
  ['sharedKeyEnc', 'text'],
  ['pubKeyCS', 'text'],
  ['encoding', 'text'],
  ['encKeyName', 'text'],
  ['encAlgo', 'text'],
  ['ivNonce', 'text'],
  ['skeEncKeyName', 'text'],
  ['skeEncAlgo', 'text'],
];

const KNOWN = new Set<string>(METADATA_TAGS.map(([tag]) => tag));
// What the server's regex takes for a text tag, minus control characters.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const TEXT_VALUE = /^[^:@\s\u0000-\u001f\u007f-\u009f]+$/u;

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'ttr':
      return Number.isSafeInteger(value) && (value as number) >= -1;
    case 'flag':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string' && TEXT_VALUE.test(value);
  }
}

const RULE: Record<Kind, string> = {
  count: 'a whole number of milliseconds, 0 or more',
  ttr: 'a whole number of milliseconds, or -1',
  flag: 'true or false',
  text: 'text without ":", "@", spaces or control characters',
};

/** ":ttl:60000:dataSignature:…" — empty for no metadata. Throws AtClientError('bad-input'). */
export function metadataFragment(metadata: AtMetadata = {}): string {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw badInput('Metadata must be an object like { dataSignature: "…" }.');
  }
  for (const name of Object.keys(metadata)) {
    if (!KNOWN.has(name)) throw badInput(`"${name}" is not atKey metadata the atServer knows.`);
  }
  let fragment = '';
  for (const [tag, kind] of METADATA_TAGS) {
    const value = metadata[tag];
    if (value === undefined) continue;
    if (!fits(kind, value)) throw badInput(`Metadata "${tag}" must be ${RULE[kind]}.`);
    fragment += `:${tag}:${String(value)}`;
  }
  return fragment;
}

const STAMPS = ['createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'availableAt', 'expiresAt', 'refreshAt', 'status'] as const;

/** Reads the server's metadata JSON; a tag of the wrong type is not the protocol. */
export function parseStoredMetadata(json: unknown): AtStoredMetadata {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw malformed('The atServer sent metadata that is not a JSON object.');
  }
  const source = json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [tag, kind] of METADATA_TAGS) {
    const value = source[tag];
    if (value === undefined || value === null) continue;
    // The server reports what it stored; only the types are checked, not our stricter write rules.
    const ok = kind === 'flag' ? typeof value === 'boolean' : kind === 'text' ? typeof value === 'string' : Number.isSafeInteger(value);
    if (!ok) throw malformed(`The atServer sent metadata "${tag}" of the wrong type.`);
    out[tag] = value;
  }
  for (const stamp of STAMPS) if (typeof source[stamp] === 'string') out[stamp] = source[stamp];
  if (Number.isSafeInteger(source.version)) out.version = source.version;
  return out as AtStoredMetadata;
}
