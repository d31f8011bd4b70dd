// Values travel at the end of the `update` line, so one that would not arrive
// intact — a line break would end the command (and start another), and the
// server trims whitespace off the end of every command — is sent as base64 of
// its UTF-8 and tagged `encoding:base64`, as Atsign's clients do with values
// holding newlines. Reading it back undoes that.

import { decodeBase64, encodeBase64, utf8DecodeStrict, utf8Encode } from '../shared/base64';
import { badInput, malformed } from './errors';
import type { AtMetadata } from './metadata';

const BREAKS_THE_LINE = /[\n\r\u2028\u2029]/;
// Dart's String.trim (what the server does to a command): Unicode White_Space and the BOM.
const TRIMMED_AWAY = /[\s\u0085]$/u;
const LONE_SURROGATE = /\p{Cs}/u;

export function encodeValue(value: string, metadata: AtMetadata): { value: string; metadata: AtMetadata } {
  if (typeof value !== 'string') throw badInput('A value must be text.');
  if (value === '') throw badInput('The atServer cannot store an empty value.');
  if (LONE_SURROGATE.test(value)) throw badInput('The value contains a broken (unpaired) Unicode character.');
  if (!BREAKS_THE_LINE.test(value) && !TRIMMED_AWAY.test(value)) return { value, metadata };
  if (metadata.encoding !== undefined) {
    throw badInput(`The value has line breaks or ends in whitespace, so it must be sent as base64; it is already tagged encoding:${metadata.encoding}.`);
  }
  return { value: encodeBase64(utf8Encode(value)), metadata: { ...metadata, encoding: 'base64' } };
}

/** The value as it was written: base64 undone when the metadata says so. */
export function decodeValue(value: string, metadata: AtMetadata): string {
  if (metadata.encoding !== 'base64') return value;
  const bytes = decodeBase64(value);
  const text = bytes === null ? null : utf8DecodeStrict(bytes);
  if (text === null) throw malformed('The atServer holds a value tagged encoding:base64 that is not base64 of UTF-8 text.');
  return text;
}
