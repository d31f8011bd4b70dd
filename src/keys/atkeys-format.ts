// The names in an .atKeys file, as the atPlatform's onboarding writes them
// (at_onboarding_cli: pkam pair, encryption pair, self key, then the atSign).

/** 1 MiB: real files are about 6 KB; anything near this is not a key file. */
export const MAX_ATKEYS_BYTES = 1024 * 1024;

export const SELF_KEY_FIELD = 'selfEncryptionKey';
/** Newer (typed) files name their owner here as well as in the "@…" key. */
export const ATSIGN_FIELD = 'atsign';
export const SELF_KEY_BYTES = 32;
export const AES_BLOCK_BYTES = 16;

export type KeyProperty = 'pkamPublicKey' | 'pkamPrivateKey' | 'encryptionPublicKey' | 'encryptionPrivateKey';

export interface KeyField {
  property: KeyProperty;
  field: string;
  kind: 'public' | 'private';
}

/** In the order the atPlatform writes them, which is also the order we check them. */
export const KEY_FIELDS: readonly KeyField[] = [
  { property: 'pkamPublicKey', field: 'aesPkamPublicKey', kind: 'public' },
  { property: 'pkamPrivateKey', field: 'aesPkamPrivateKey', kind: 'private' },
  { property: 'encryptionPublicKey', field: 'aesEncryptPublicKey', kind: 'public' },
  { property: 'encryptionPrivateKey', field: 'aesEncryptPrivateKey', kind: 'private' },
];

/** Fields the wallet reads itself; everything else travels in `extra`. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([...KEY_FIELDS.map((f) => f.field), SELF_KEY_FIELD]);
