// Reads, from an atSign's own atServer and without authenticating, what it
// publishes for relying parties: `public:publickey@alice` and the signing key
// of the wallet that signed, under the name its keyBinding gives
// (`public:<key id>.signing_key.atwallet@alice`), with its metadata (for the
// dataSignature).
import { AtClient, AtClientError, AtServerError, type AtAddress, type AtConnector } from '../../../../src/atplatform';
import type { PublishedAtSignKeys } from '../siwa/types';

/** The atServer's code for "no such key". */
const KEY_NOT_FOUND = 'AT0015';

/**
 * The longest reply read here. A key with its metadata is a few thousand
 * characters; an atServer sending more is not publishing keys, and what a
 * site's server reads for a stranger's sign-in stays small.
 */
export const LOOKUP_MAX_REPLY_CHARS = 64 * 1024;

/**
 * The longest value kept of each: an RSA public key (base64 SPKI; 4,096-bit
 * is ~740 characters), a wallet's signing key (base64url Ed25519, 43), an RSA
 * signature (base64; 4,096-bit is ~684). What the resolver keeps for
 * thousands of atSigns stays a few megabytes whatever atServers send.
 */
const MAX_CHARS = { 'encryption public key': 4_096, 'signing key': 256, dataSignature: 4_096 } as const;

function bounded<T extends string | null>(value: T, what: keyof typeof MAX_CHARS, atSign: string): T {
  if (value !== null && value.length > MAX_CHARS[what]) {
    throw new AtClientError('malformed', `The atServer of ${atSign} published a ${what} of ${value.length} characters, longer than any such key.`);
  }
  return value;
}

/** The answer, or null when the atServer holds no such key. */
async function orAbsent<T>(lookup: Promise<T | null>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AtServerError && error.code === KEY_NOT_FOUND) return null;
    throw error;
  }
}

/** What one connection read: the encryption key, and the signing key unless it was not asked for. */
export interface PublishedKeysRead {
  encryptionPublicKey: string;
  /** Absent when the signing key was not asked for. */
  signingKey?: PublishedAtSignKeys['signingKey'];
}

/**
 * Null when the atServer publishes no encryption key (an atSign not
 * activated). `signingAtKey` names the signing key to read, or says from the
 * encryption key just read which one — null to read none (the atServer is
 * asked one thing fewer).
 */
export async function readPublishedKeys(
  address: AtAddress,
  atSign: string,
  options: { connect: AtConnector; timeoutMs: number; signingAtKey: string },
): Promise<PublishedAtSignKeys | null>;
export async function readPublishedKeys(
  address: AtAddress,
  atSign: string,
  options: { connect: AtConnector; timeoutMs: number; signingAtKey: string | ((encryptionPublicKey: string) => string | null) },
): Promise<PublishedKeysRead | null>;
export async function readPublishedKeys(
  address: AtAddress,
  atSign: string,
  { connect, timeoutMs, signingAtKey }: { connect: AtConnector; timeoutMs: number; signingAtKey: string | ((encryptionPublicKey: string) => string | null) },
): Promise<PublishedKeysRead | null> {
  const client = await AtClient.connect(address, { connect, timeoutMs, maxReplyChars: LOOKUP_MAX_REPLY_CHARS });
  try {
    const encryptionPublicKey = bounded(await orAbsent(client.lookup(`publickey${atSign}`)), 'encryption public key', atSign);
    if (encryptionPublicKey === null) return null;
    const name = typeof signingAtKey === 'function' ? signingAtKey(encryptionPublicKey) : signingAtKey;
    if (name === null) return { encryptionPublicKey };
    // `lookup` names a public key without its "public:".
    const signing = await orAbsent(client.lookupAll(name.slice('public:'.length)));
    const signingKey =
      signing === null
        ? null
        : { value: bounded(signing.value, 'signing key', atSign), dataSignature: bounded(signing.metadata.dataSignature ?? null, 'dataSignature', atSign) };
    return { encryptionPublicKey, signingKey };
  } finally {
    client.close();
  }
}
