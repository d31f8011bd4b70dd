// Reads, from an atSign's own atServer and without authenticating, what it
// publishes for relying parties: `public:publickey@alice` and the signing key
// of the wallet that signed, under the name its keyBinding gives
// (`public:<key id>.signing_key.atwallet@alice`), with its metadata (for the
// dataSignature).
import { AtClient, AtServerError, type AtAddress, type AtConnector } from '../../../../src/atplatform';
import type { PublishedAtSignKeys } from '../siwa/types';

/** The atServer's code for "no such key". */
const KEY_NOT_FOUND = 'AT0015';

/** The answer, or null when the atServer holds no such key. */
async function orAbsent<T>(lookup: Promise<T | null>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AtServerError && error.code === KEY_NOT_FOUND) return null;
    throw error;
  }
}

/** Null when the atServer publishes no encryption key (an atSign not activated). */
export async function readPublishedKeys(
  address: AtAddress,
  atSign: string,
  { connect, timeoutMs, signingAtKey }: { connect: AtConnector; timeoutMs: number; signingAtKey: string },
): Promise<PublishedAtSignKeys | null> {
  const client = await AtClient.connect(address, { connect, timeoutMs });
  try {
    const encryptionPublicKey = await orAbsent(client.lookup(`publickey${atSign}`));
    if (encryptionPublicKey === null) return null;
    // `lookup` names a public key without its "public:".
    const signing = await orAbsent(client.lookupAll(signingAtKey.slice('public:'.length)));
    const signingKey = signing === null ? null : { value: signing.value, dataSignature: signing.metadata.dataSignature ?? null };
    return { encryptionPublicKey, signingKey };
  } finally {
    client.close();
  }
}
