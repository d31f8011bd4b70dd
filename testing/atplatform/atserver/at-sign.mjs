// at_utils' AtUtils.fixAtSign, as the server applies it to every atSign in a
// command: lowercase, one leading '@', dots after the '@' dropped, reserved
// characters, whitespace and control characters refused with the texts of
// at_commons' AtMessage (InvalidAtSignException: answered, then the server
// closes the connection).
import { fail } from './errors.mjs';

const NO_AT_SIGN = 'invalid @sign: must include one @ character and at least one character on the right';
const MORE_THAN_ONE_AT = 'invalid @sign: Cannot Contain more than one @ character';
const RESERVED = "invalid @sign: Cannot contain !*'`();:&=+$,/?#[]{} characters";
const WHITESPACE = 'invalid @sign: Cannot Contain whitespace characters';
const CONTROL = 'invalid @sign: must not include control characters';

const invalid = (message) => fail('InvalidAtSignException', message);

export function fixAtSign(input) {
  if (typeof input !== 'string' || input === '') throw invalid(NO_AT_SIGN);
  let atSign = input.toLowerCase();
  if (!atSign.startsWith('@')) atSign = `@${atSign}`;
  if (atSign.slice(1).includes('@')) throw invalid(MORE_THAN_ONE_AT);
  const [left, right] = atSign.split('@');
  const name = right.replaceAll('.', '');
  if (name === '') throw invalid(NO_AT_SIGN);
  atSign = `${left}@${name}`;
  if (/[!*'`();:&=+$,/?#[\]{}]/.test(atSign)) throw invalid(RESERVED);
  // eslint-disable-next-line no-control-regex -- tab, newline and the like are whitespace to at_utils
  if (/[\u0020\u0009\u000A\u000B\u000C\u000D\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/.test(atSign)) throw invalid(WHITESPACE);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001F\u007F]/.test(atSign)) throw invalid(CONTROL);
  if (/[\u2400-\u241F\u2421\u2424\u2425]/.test(atSign)) throw invalid(CONTROL);
  return atSign;
}
