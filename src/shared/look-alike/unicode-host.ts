// Hosts as they read on screen: the browser gives every host in ASCII, so an
// international name like "xn--80ak6aa92e.com" is decoded ("аррӏе.com") both
// for showing it and for comparing it with the sites a person trusts.
import punycode from 'punycode.js';

/** Decodes one label's punycode (the part after "xn--"); throws RangeError on bad input. */
export function decodePunycode(input: string): string {
  const decoded = punycode.decode(input);
  // punycode.js lets surrogate code points through, which no host holds: a
  // lone one leaves the text ill-formed, and two in a row do not encode back
  // to the same punycode.
  if (!decoded.isWellFormed() || punycode.encode(decoded).toLowerCase() !== input.toLowerCase()) {
    throw new RangeError('Not canonical punycode.');
  }
  return decoded;
}

// A decoded label must hold some non-ASCII letter (else "xn--google-" would
// read as "google") and nothing invisible that could reorder or hide text.
const SHOWABLE = /^(?=.*[^\p{ASCII}])[^\p{Cc}\p{Cf}\p{Z}]+$/u;

/** A host with each "xn--" label decoded; a label that does not decode to something showable is kept as it is. */
export function hostToUnicode(host: string): string {
  if (!/(?:^|\.)xn--/i.test(host)) return host;
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
