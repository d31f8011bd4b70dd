// What each field of the sign-in message may hold. Each check returns why a
// value is wrong (a phrase to put after the field's name), or null when it is
// fine; the message parser and builder both use them, so whatever one accepts
// the other does too.
import { checkAtSign } from '../../../../src/keys';

export type FieldCheck = (value: string) => string | null;

// Lowercase ASCII host as a browser writes it in an origin (IDN hosts arrive
// as punycode; "_" and stray "-" pass the URL standard, so they pass here), an
// IPv6 literal in brackets, then an optional port without leading zeros. No
// userinfo, scheme, path or trailing dot: the authority, as in SIWE.
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/;
const PORT = /^[1-9][0-9]{0,4}$/;
const MAX_HOST_CHARS = 253;

export const checkDomain: FieldCheck = (value) => {
  const colon = value.startsWith('[') ? value.indexOf(':', value.indexOf(']')) : value.indexOf(':');
  const host = colon === -1 ? value : value.slice(0, colon);
  const port = colon === -1 ? null : value.slice(colon + 1);
  if (host.length > MAX_HOST_CHARS || !HOST.test(host)) {
    return 'must be a lowercase host name (punycode for international names), optionally with ":port"';
  }
  if (port !== null && (!PORT.test(port) || Number(port) > 65535)) return 'has a port that is not 1 to 65535';
  return null;
};

export const checkAtSignLine: FieldCheck = (value) => {
  const check = checkAtSign(value);
  // The problems are sentences; the caller ends the message with its own period.
  if (!check.ok) return `is not a valid atSign: ${check.problems.join(' ').replace(/\.$/, '')}`;
  // The message shows exactly the identity that signs in: no second spelling.
  if (check.atSign !== value) return `must be written in its normalised form, "${check.atSign}"`;
  return null;
};

// Control characters and line separators would let one "line" show as two;
// bidi and zero-width characters would let it read differently from what it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\p{Cs}/u;

export const checkStatement: FieldCheck = (value) => {
  if (value.trim() === '') return 'must not be empty (leave it out instead)';
  if (value !== value.trim()) return 'must not start or end with whitespace';
  if (UNSAFE_TEXT.test(value)) return 'must be one line of visible text (no control, line-break, direction or zero-width characters)';
  // Otherwise the parser could not tell a statement from a missing statement.
  if (value.startsWith('URI: ')) return 'must not start with "URI: "';
  return null;
};

// RFC 3986: a scheme, then only characters a URI may hold, "%" only as an escape.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;

export const checkUri: FieldCheck = (value) =>
  URI.test(value) ? null : 'must be an RFC 3986 URI (a scheme such as "https:", then no spaces or non-ASCII characters)';

export const checkVersion: FieldCheck = (value) => (value === '1' ? null : 'must be 1');

const NONCE = /^[A-Za-z0-9]{8,64}$/;

export const checkNonce: FieldCheck = (value) => (NONCE.test(value) ? null : 'must be 8 to 64 ASCII letters and digits');

// Only the one spelling Date.prototype.toISOString writes (UTC, milliseconds,
// "Z"), and only dates that exist: the round trip refuses 2026-02-30.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const checkTime: FieldCheck = (value) => {
  const ms = ISO_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== value) {
    return 'must be a UTC time as Date.toISOString writes it, e.g. 2026-11-25T10:00:00.000Z';
  }
  return null;
};

// RFC 3986 pchar, at least one (SIWE allows none, but "Request ID: " would end in a space).
const REQUEST_ID = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;

export const checkRequestId: FieldCheck = (value) =>
  REQUEST_ID.test(value) ? null : 'must be one or more URI path characters (RFC 3986 pchar)';
