// The atServer's cryptography, with node:crypto only — independent of the
// product's client, so the two are not checked against each other's bugs.
import { createCipheriv, createDecipheriv, createHash, createPublicKey, privateDecrypt, constants, verify } from 'node:crypto';
import { DartException } from './errors.mjs';

const ZERO_IV = Buffer.alloc(16);

/** A base64 DER SPKI (as .atKeys and the atServer keep RSA public keys) as a KeyObject. */
export function rsaPublicKey(base64Spki) {
  return createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
}

/**
 * dart:convert's base64Decode, which the pkam handler applies to the signature
 * before verifying anything: base64 or base64url, padded to a multiple of
 * four. Anything else is the FormatException the server does not catch.
 */
export function dartBase64Decode(text) {
  const bad = /[^A-Za-z0-9+/\-_=]/.exec(text);
  if (bad) throw new DartException(`FormatException: Invalid character (at character ${bad.index + 1})`);
  const padding = text.indexOf('=');
  if (padding !== -1 && !/^={1,2}$/.test(text.slice(padding))) throw new DartException(`FormatException: Invalid character (at character ${padding + 1})`);
  if (text.length % 4 !== 0) throw new DartException('FormatException: Invalid length, must be multiple of four');
  return Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
}

/** RSASSA-PKCS1-v1_5 over the UTF-8 text (PKAM with sha256 or sha512, as at_chops verifies it). Never throws. */
export function rsaVerifies(base64Spki, text, signature, hash = 'sha256') {
  try {
    return verify(hash, Buffer.from(text, 'utf8'), rsaPublicKey(base64Spki), signature);
  } catch {
    return false;
  }
}

/** AES-256-CTR with PKCS#7 padding, base64 in and out — the atPlatform's symmetric encryption (IV zero unless given). */
export function aesEncrypt(base64Key, plaintext, iv = ZERO_IV) {
  const data = Buffer.from(plaintext, 'utf8');
  const pad = 16 - (data.length % 16);
  const padded = Buffer.concat([data, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), iv);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export function aesDecrypt(base64Key, base64Ciphertext, iv = ZERO_IV) {
  const decipher = createDecipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), iv);
  const padded = Buffer.concat([decipher.update(Buffer.from(base64Ciphertext, 'base64')), decipher.final()]);
  const pad = padded.at(-1) ?? 0;
  if (padded.length % 16 !== 0 || pad < 1 || pad > 16 || !padded.subarray(padded.length - pad).every((byte) => byte === pad)) throw new Error('bad padding');
  return padded.subarray(0, padded.length - pad).toString('utf8');
}

/**
 * RSA PKCS#1 v1.5 decryption, which the atPlatform uses for the APKAM
 * symmetric key. Node 20 refuses PKCS#1 v1.5 in privateDecrypt, so the raw
 * RSA result is unpadded here (block type 2: 00 02 <nonzero> 00 <message>).
 */
export function rsaPkcs1Decrypt(privateKey, base64Ciphertext) {
  const block = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, Buffer.from(base64Ciphertext, 'base64'));
  if (block[0] !== 0 || block[1] !== 2) throw new Error('not a PKCS#1 v1.5 encryption block');
  const end = block.indexOf(0, 2);
  if (end < 10) throw new Error('not a PKCS#1 v1.5 encryption block');
  return block.subarray(end + 1);
}

export const sha512Hex = (text) => createHash('sha512').update(text, 'utf8').digest('hex');
