// atSign rules, as the atPlatform's AtUtils.fixAtSign applies them: lowercase,
// one leading "@" (added if missing), dots after the "@" removed (the
// atPlatform treats @colin.constable and @colinconstable as the same atSign),
// no reserved characters, no whitespace, no control characters. Emoji are
// allowed (@alice🛠 is real). The wallet adds two rules of its own: at most 55
// characters after the "@" (DESIGN §2), and no invisible direction or
// zero-width characters, because an identity wallet must not show two
// different atSigns that look the same.

import type { AtSignCheck } from './types';

export const MAX_ATSIGN_CHARS = 55;

/** Reserved by the atPlatform (fixAtSign's list), in its order. */
const RESERVED = ['!', '*', "'", '`', '(', ')', ';', ':', '&', '=', '+', '$', ',', '/', '?', '#', '[', ']', '{', '}'];

// JavaScript's \s plus NEL (U+0085), which fixAtSign also lists.
const WHITESPACE = /[\s\u0085]/u;
// C0, DEL and C1 controls, and the Control Pictures block fixAtSign refuses.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2400-\u2426]/u;
// Bidi controls, zero-width space, word joiner and invisible operators.
// ZWJ/ZWNJ (U+200C/D) stay allowed: emoji sequences and many scripts need them.
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/u;
// An unpaired UTF-16 surrogate cannot be written as UTF-8, so cannot be sent.
const LONE_SURROGATE = /\p{Cs}/u;

export function checkAtSign(input: string): AtSignCheck {
  if (typeof input !== 'string' || input === '') {
    return { ok: false, problems: ['An atSign cannot be empty.'] };
  }
  const problems: string[] = [];
  const lower = input.toLowerCase();
  const withAt = lower.startsWith('@') ? lower : `@${lower}`;
  const name = withAt.slice(1).replace(/\./g, '');

  if (name.includes('@')) problems.push('An atSign can have only one "@", at the start.');
  const reserved = RESERVED.filter((c) => name.includes(c));
  for (const c of reserved) problems.push(`An atSign cannot contain "${c}".`);
  if (WHITESPACE.test(name)) problems.push('An atSign cannot contain spaces or other whitespace.');
  if (CONTROL.test(name)) problems.push('An atSign cannot contain control characters.');
  if (INVISIBLE.test(name)) problems.push('An atSign cannot contain invisible direction or zero-width characters.');
  if (LONE_SURROGATE.test(name)) problems.push('An atSign cannot contain broken (unpaired) Unicode characters.');

  // Counted in Unicode code points, so "🛠" is one character, as a person sees it.
  const length = [...name].length;
  if (length === 0) problems.push('An atSign needs at least one character after the "@".');
  if (length > MAX_ATSIGN_CHARS) {
    problems.push(`An atSign can have at most ${MAX_ATSIGN_CHARS} characters after the "@".`);
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, atSign: `@${name}` };
}
