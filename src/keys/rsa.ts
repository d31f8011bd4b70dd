// RSA through WebCrypto, so the same code runs in the extension's background
// and in Node. PKAM and dataSignature are both RSASSA-PKCS1-v1_5 with SHA-256
// (DESIGN §2). The atPlatform's RSA keys also encrypt (PKCS#1 v1.5), which
// WebCrypto cannot do; the wallet only ever signs with them.

import { utf8Encode } from '../shared/base64';

export const RSA_SIGN = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
export const MIN_RSA_BITS = 2048;

export function importRsaPublicKey(spki: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', spki, RSA_SIGN, true, ['verify']);
}

export function importRsaPrivateKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, RSA_SIGN, false, ['sign']);
}

export function modulusBits(key: CryptoKey): number {
  return (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
}

export async function rsaSign(privateKey: CryptoKey, message: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign(RSA_SIGN, privateKey, utf8Encode(message)));
}

export function rsaVerify(publicKey: CryptoKey, signature: Uint8Array<ArrayBuffer>, message: string): Promise<boolean> {
  return crypto.subtle.verify(RSA_SIGN, publicKey, signature, utf8Encode(message));
}

/** A fresh RSA-2048 pair (e = 65537, as the atPlatform's onboarding makes them), as DER. */
export async function generateRsaPair(): Promise<{ spki: Uint8Array; pkcs8: Uint8Array }> {
  const pair = await crypto.subtle.generateKey(
    { ...RSA_SIGN, modulusLength: MIN_RSA_BITS, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const [spki, pkcs8] = await Promise.all([
    crypto.subtle.exportKey('spki', pair.publicKey),
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
  ]);
  return { spki: new Uint8Array(spki), pkcs8: new Uint8Array(pkcs8) };
}
