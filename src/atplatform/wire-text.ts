// The one rule that keeps a caller's text from becoming a command of its own:
// the atServer reads a command up to a newline, so nothing the client writes
// may contain a line break. Dart's `.` (the server's verb regexes) also stops
// at \r, U+2028 and U+2029, and an unpaired surrogate cannot be sent as UTF-8
// at all, so those are refused too.

import { badInput } from './errors';

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const LONE_SURROGATE = /\p{Cs}/u;
// C0/C1 controls and DEL: never part of a key name, a regex or an id.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Throws unless `text` can travel as (part of) one command line. `what` names it for the message. */
export function checkOneLine(text: string, what: string): void {
  if (typeof text !== 'string') throw badInput(`The ${what} must be text.`);
  if (LINE_BREAK.test(text)) throw badInput(`The ${what} cannot contain a line break.`);
  if (LONE_SURROGATE.test(text)) throw badInput(`The ${what} contains a broken (unpaired) Unicode character.`);
}

/** Stricter: for names, ids and regexes — one line, no spaces, no control characters, not empty. */
export function checkToken(text: string, what: string): void {
  checkOneLine(text, what);
  if (text === '') throw badInput(`The ${what} cannot be empty.`);
  if (/\s/.test(text)) throw badInput(`The ${what} cannot contain spaces.`);
  if (CONTROL.test(text)) throw badInput(`The ${what} cannot contain control characters.`);
}

/**
 * JSON for a command line. JSON.stringify escapes newlines inside strings but
 * writes U+2028/U+2029 raw, which the server's regexes would not match.
 */
export function wireJson(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
