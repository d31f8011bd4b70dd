// Punycode (RFC 3492) decoding, so a host like "xn--80ak6aa92e.com" can be
// shown the way it reads on screen ("аррӏе.com") next to the form the browser
// uses. Only decoding: the browser already gives every host in ASCII.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0–9 are 26–35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A–Z
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a–z
  throw new RangeError('Not a punycode digit.');
}

/** Decodes one label's punycode (the part after "xn--"); throws RangeError on bad input. */
export function decodePunycode(input: string): string {
  const output: number[] = [];
  const delimiter = Math.max(0, input.lastIndexOf('-'));
  for (let j = 0; j < delimiter; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) throw new RangeError('Not a basic code point.');
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) throw new RangeError('Punycode ends too soon.');
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit > Math.floor((MAX_INT - i) / w)) throw new RangeError('Punycode overflows.');
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) throw new RangeError('Punycode overflows.');
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) throw new RangeError('Not a Unicode character.');
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// A decoded label must hold some non-ASCII letter (else "xn--google-" would
// read as "google") and nothing invisible that could reorder or hide text.
const SHOWABLE = /^(?=.*[^\p{ASCII}])[^\p{Cc}\p{Cf}\p{Z}]+$/u;

/** A host with each "xn--" label decoded; a label that does not decode to something showable is kept as it is. */
export function hostToUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      try {
        const decoded = decodePunycode(label.slice(4).toLowerCase());
        return SHOWABLE.test(decoded) ? decoded : label;
      } catch {
        return label;
      }
    })
    .join('.');
}
