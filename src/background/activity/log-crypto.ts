// The log is written at times the wallet may be locked (a grant expiring at
// night), yet must not be readable at rest. So each entry is encrypted to a
// public key (ECDH P-256 with a fresh key per entry, then AES-256-GCM) whose
// private half is sealed with the vault key: anyone may write, only the
// unlocked wallet may read.

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface LogSealed {
  /** the entry's ephemeral public key, raw */
  epk: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

export async function generateLogKeys(): Promise<{ publicKey: Uint8Array<ArrayBuffer>; privateKey: Uint8Array<ArrayBuffer> }> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveKey']);
  return {
    publicKey: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKey: new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

export function importLogPrivateKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveKey']);
}

function entryKey(privateKey: CryptoKey, publicKey: CryptoKey, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.deriveKey({ name: 'ECDH', public: publicKey }, privateKey, { name: 'AES-GCM', length: 256 }, false, [
    usage,
  ]);
}

export type EntryEncrypter = (value: unknown) => Promise<LogSealed>;

/**
 * Encrypts entries to the log's public key. The ephemeral key pair and the
 * AES key it agrees are made once per encrypter (a background's lifetime)
 * rather than per entry — a fresh 96-bit IV per entry keeps each one apart —
 * because the log is written on every read a site makes.
 */
export async function entryEncrypter(logPublicKey: Uint8Array<ArrayBuffer>): Promise<EntryEncrypter> {
  const recipient = await crypto.subtle.importKey('raw', logPublicKey, ECDH, false, []);
  const ephemeral = await crypto.subtle.generateKey(ECDH, true, ['deriveKey']);
  const key = await entryKey(ephemeral.privateKey, recipient, 'encrypt');
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  return async (value) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
    return { epk, iv, data: new Uint8Array(data) };
  };
}

export async function decryptEntry<T>(logPrivateKey: CryptoKey, sealed: LogSealed): Promise<T> {
  const sender = await crypto.subtle.importKey('raw', sealed.epk, ECDH, false, []);
  const key = await entryKey(logPrivateKey, sender, 'decrypt');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
