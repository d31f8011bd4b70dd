// Base2e15 decoding: how an atServer stores binary values (`isBinary`), 15
// bits to a character, and what its HTTPS door turns back into bytes. Written
// from the scheme's mapping table:
//   15 bits 0x0000–0x1935 ↔ U+3480–U+4DB5, 0x1936–0x545B ↔ U+4E00–U+8925,
//           0x545C–0x7FFF ↔ U+AC00–U+D7A3;
//   a last character of 7 bits 0x00–0x7F ↔ U+3400–U+347F.
// Characters outside those ranges carry no data and are skipped.

/** The 15-bit (or, for the last character, 7-bit) value a character carries, or null. */
function valueOf(code) {
  if (code >= 0x3400 && code <= 0x347f) return { bits: 7, value: code - 0x3400 };
  if (code >= 0x3480 && code <= 0x4db5) return { bits: 15, value: code - 0x3480 };
  if (code >= 0x4e00 && code <= 0x8925) return { bits: 15, value: code - 0x4e00 + 0x1936 };
  if (code >= 0xac00 && code <= 0xd7a3) return { bits: 15, value: code - 0xac00 + 0x545c };
  return null;
}

/** The bytes a Base2e15 string holds. */
export function decodeBase2e15(text) {
  const out = [];
  let acc = 0;
  let held = 0; // bits in `acc` not yet written out
  for (let i = 0; i < text.length; i += 1) {
    const found = valueOf(text.charCodeAt(i));
    if (found === null) continue;
    acc = ((acc << found.bits) | found.value) & 0x7fff_ffff;
    held += found.bits;
    while (held >= 8) {
      held -= 8;
      out.push((acc >> held) & 0xff);
    }
    acc &= (1 << held) - 1;
    // The 7-bit character only ever ends the data.
    if (found.bits === 7) break;
  }
  return Uint8Array.from(out);
}
