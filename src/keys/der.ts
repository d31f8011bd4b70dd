// A minimal shape check for DER: one SEQUENCE whose length covers exactly the
// bytes given. Enough to tell a decrypted key from the random-looking bytes a
// wrong self key produces, before asking WebCrypto what kind of key it is.

export function isDerSequence(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first === bytes.length;
  const count = first & 0x7f;
  // Long form with 1..4 length bytes; 0x80 (indefinite) is not DER.
  if (count < 1 || count > 4 || bytes.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length === bytes.length;
}
