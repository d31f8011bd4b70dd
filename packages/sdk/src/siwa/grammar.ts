// The fixed text of the sign-in message (DESIGN §4), shared by the builder and
// the parser so the two cannot drift apart. Shaped like EIP-4361 (SIWE) so it
// reads the same to people and tools; the differences are the header's words
// and the atSign in place of an address (and no Chain ID).
import {
  checkNonce,
  checkRequestId,
  checkTime,
  checkUri,
  checkVersion,
  type FieldCheck,
} from './fields';
import type { SignInMessage } from './types';

export const HEADER_SUFFIX = ' wants you to sign in with your atSign:';
export const RESOURCES_LINE = 'Resources:';
export const RESOURCE_PREFIX = '- ';

/** Longest message accepted, in UTF-16 units: far above any honest one, low enough to bound the work a stranger can cause. */
export const MAX_MESSAGE_CHARS = 16 * 1024;

type LabelledKey = 'uri' | 'version' | 'nonce' | 'issuedAt' | 'expirationTime' | 'notBefore' | 'requestId';

export interface LabelledField {
  key: LabelledKey;
  label: string;
  check: FieldCheck;
}

/** "Label: value" lines that every message has, in this order. */
export const REQUIRED_FIELDS: readonly LabelledField[] = [
  { key: 'uri', label: 'URI', check: checkUri },
  { key: 'version', label: 'Version', check: checkVersion },
  { key: 'nonce', label: 'Nonce', check: checkNonce },
  { key: 'issuedAt', label: 'Issued At', check: checkTime },
];

/** "Label: value" lines that may follow, each at most once, in SIWE's order; Resources come last. */
export const OPTIONAL_FIELDS: readonly LabelledField[] = [
  { key: 'expirationTime', label: 'Expiration Time', check: checkTime },
  { key: 'notBefore', label: 'Not Before', check: checkTime },
  { key: 'requestId', label: 'Request ID', check: checkRequestId },
];

export const fieldLine = (label: string, value: string): string => `${label}: ${value}`;

export const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof SignInMessage>([
  'domain',
  'atSign',
  'statement',
  'uri',
  'version',
  'nonce',
  'issuedAt',
  'expirationTime',
  'notBefore',
  'requestId',
  'resources',
]);

/** Labels in the order they must appear, for errors that say where a line belongs. */
export const FIELD_ORDER = [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS].map((f) => f.label).concat('Resources').join(', ');

/** A value as an error shows it: JSON-quoted with invisible characters escaped, and cut short. */
export { quote } from '../../../../src/shared/quote';
