// The ed25519 signature over the exact UTF-8 text of the message. Keys and
// signatures must be canonical unpadded base64url: one value, one spelling,
// so the key compared with the binding is the key that verified.
import { verifyAsync } from '@noble/ed25519';
import { decodeBase64Url, encodeBase64Url, utf8Encode } from '../../../../src/shared/base64';
import { SignInError, SignInErrorCode } from './errors';

const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

const bad = (message: string, cause?: unknown) => new SignInError(SignInErrorCode.BAD_SIGNATURE, message, { cause });

function canonicalBytes(value: unknown, bytes: number, what: string): Uint8Array<ArrayBuffer> {
  const decoded = typeof value === 'string' ? decodeBase64Url(value) : null;
  if (decoded === null || decoded.length !== bytes || encodeBase64Url(decoded) !== value) {
    throw bad(`The ${what} must be unpadded base64url of ${bytes} bytes.`);
  }
  return decoded;
}

export async function checkSignature(message: string, signature: unknown, publicKey: unknown): Promise<void> {
  const sig = canonicalBytes(signature, SIGNATURE_BYTES, 'signature');
  const key = canonicalBytes(publicKey, PUBLIC_KEY_BYTES, 'publicKey');
  let valid = false;
  try {
    // zip215: false is RFC 8032's strict rule, which also refuses small-order
    // keys: with those, one signature can verify for more than one message.
    valid = await verifyAsync(sig, utf8Encode(message), key, { zip215: false });
  } catch (error) {
    throw bad('The signature could not be checked: the publicKey is not an ed25519 point.', error);
  }
  if (!valid) throw bad('The signature does not verify over the message with the publicKey.');
}
