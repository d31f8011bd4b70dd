// Strict base64 codecs. The .atKeys format uses standard, padded base64 (what
// Dart's base64Encode writes); the wallet's ed25519 keys use unpadded base64url
// (DESIGN §2). Being strict is what lets a truncated or hand-edited file be
// reported as such instead of silently decoding to garbage.

const STANDARD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const URL_SAFE = /^[A-Za-z0-9_-]*$/;

function bytesFromBinary(binary: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function binaryFromBytes(bytes: Uint8Array): string {
  // Chunked so a large key never hits the argument-count limit of apply/spread.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return binary;
}

export function encodeBase64(bytes: Uint8Array): string {
  return btoa(binaryFromBytes(bytes));
}

/** Padded standard base64, or null if `text` is anything else. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!STANDARD.test(text)) return null;
  return bytesFromBinary(atob(text));
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Unpadded base64url, or null if `text` is anything else. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  // A length of 1 mod 4 cannot come from any byte string.
  if (!URL_SAFE.test(text) || text.length % 4 === 1) return null;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return bytesFromBinary(atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')));
}

export const utf8Encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** UTF-8 decode that refuses malformed bytes instead of inserting U+FFFD. */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Lowercase hex, two digits a byte. */
export function encodeHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
