// What the wallet keeps on an atSign's atServer, and how: each persona is a
// self key `<id>.personas.atwallet@alice`, and the order of the list is
// `personaorder.atwallet@alice`. Both values are JSON encrypted with the
// atSign's self encryption key — AES-256-CTR, a random 16-byte IV sent as the
// key's `ivNonce`, `isEncrypted:true` — so any atPlatform app holding the
// atSign's keys can read them and nothing on the atServer is readable
// without them. A value read back is input like any other: checked before
// the wallet keeps it.

import type { AtMetadata } from '@/src/atplatform';
import { decryptWithSelfKey, encryptWithSelfKey } from '@/src/keys/self-key-cipher';
import { decodeBase64, encodeBase64, utf8DecodeStrict, utf8Encode } from '@/src/shared/base64';
import { MAX_KEPT_PERSONAS, MAX_PERSONA_NAME } from '@/src/shared/persona';
import { MAX_LABEL_LENGTH } from '@/src/shared/profile-fields';
import { checkContent, type PersonaContent } from '../personas/personas';

export const NAMESPACE = 'atwallet';
const PERSONA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const personaAtKey = (id: string, atSign: string): string => `${id}.personas.${NAMESPACE}${atSign}`;
export const orderAtKey = (atSign: string): string => `personaorder.${NAMESPACE}${atSign}`;
/** What `sync:from` is asked for: the wallet's persona keys and nothing else of the atSign's. */
export const SYNC_REGEX = `(\\.personas|personaorder)\\.${NAMESPACE}@`;

export type ServerKey = { kind: 'persona'; id: string } | { kind: 'order' };

/** Which of the wallet's keys an atKey is, or null for any other key of the atSign. */
export function readServerKey(atKey: string, atSign: string): ServerKey | null {
  if (atKey === orderAtKey(atSign)) return { kind: 'order' };
  const suffix = `.personas.${NAMESPACE}${atSign}`;
  if (!atKey.endsWith(suffix)) return null;
  const id = atKey.slice(0, -suffix.length);
  return PERSONA_ID.test(id) ? { kind: 'persona', id } : null;
}

/** A value from the atServer the wallet cannot take: named, and left alone. */
export class ServerValueError extends Error {
  override name = 'ServerValueError';
}

export async function encryptForServer(selfKey: CryptoKey, value: unknown): Promise<{ value: string; metadata: AtMetadata }> {
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const ciphertext = await encryptWithSelfKey(selfKey, utf8Encode(JSON.stringify(value)), iv);
  return { value: encodeBase64(ciphertext), metadata: { isEncrypted: true, ivNonce: encodeBase64(iv) } };
}

async function decryptFromServer(selfKey: CryptoKey, value: string | null, metadata: Record<string, string> | null): Promise<unknown> {
  if (value === null || metadata?.isEncrypted !== 'true') throw new ServerValueError('The value is not encrypted.');
  const iv = decodeBase64(metadata.ivNonce ?? '');
  if (iv === null || iv.length !== 16) throw new ServerValueError('The value has no 16-byte ivNonce.');
  const ciphertext = decodeBase64(value);
  if (ciphertext === null || ciphertext.length === 0 || ciphertext.length % 16 !== 0) throw new ServerValueError('The value is not AES ciphertext.');
  const plain = await decryptWithSelfKey(selfKey, ciphertext, iv);
  const text = plain === null ? null : utf8DecodeStrict(plain);
  if (text === null) throw new ServerValueError('The value does not open with this atSign’s self encryption key.');
  try {
    return JSON.parse(text);
  } catch {
    throw new ServerValueError('The value is not JSON.');
  }
}

const isRecordOfText = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

/** A persona as another app wrote it: the same rules as the editor's, or it is refused. */
export async function readPersonaValue(selfKey: CryptoKey, value: string | null, metadata: Record<string, string> | null): Promise<PersonaContent> {
  const parsed = await decryptFromServer(selfKey, value, metadata);
  if (typeof parsed !== 'object' || parsed === null) throw new ServerValueError('The persona is not a JSON object.');
  const { name, fields, labels = {} } = parsed as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_PERSONA_NAME) throw new ServerValueError('The persona has no usable name.');
  if (!isRecordOfText(fields) || !isRecordOfText(labels)) throw new ServerValueError('The persona’s fields are not text.');
  if (Object.values(labels).some((label) => label.length > MAX_LABEL_LENGTH)) throw new ServerValueError('A label is too long.');
  const content: PersonaContent = { name: name.trim(), fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')), labels };
  try {
    checkContent(content);
  } catch (error) {
    throw new ServerValueError(`The persona breaks the wallet’s rules: ${(error as Error).message}`);
  }
  return content;
}

/** The list's order: persona ids, first first. */
export async function readOrderValue(selfKey: CryptoKey, value: string | null, metadata: Record<string, string> | null): Promise<string[]> {
  const parsed = await decryptFromServer(selfKey, value, metadata);
  const ids = (parsed as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids) || ids.length > MAX_KEPT_PERSONAS || !ids.every((id) => typeof id === 'string' && PERSONA_ID.test(id))) {
    throw new ServerValueError('The order is not a list of persona ids.');
  }
  return ids as string[];
}
