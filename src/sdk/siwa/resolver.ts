// The step from "some key vouches for this signing key" to "this atSign's key
// does": compare the binding's encryption key with the one the atSign
// publishes at `public:publickey@alice` (fetched, or pinned, by the caller's
// resolver). Without that, the sign-in is only self-asserted (see KeySource).
import { decodeBase64 } from '../../shared/base64';
import { SignInError, SignInErrorCode } from './errors';
import type { EncryptionKeyResolver, KeySource } from './types';

/** Same key as DER bytes, so base64 spelling cannot matter. */
function sameDer(a: string, b: string): boolean {
  const x = decodeBase64(a);
  const y = decodeBase64(b);
  return x !== null && y !== null && x.length === y.length && x.every((byte, i) => byte === y[i]);
}

export async function confirmEncryptionKey(
  resolver: EncryptionKeyResolver | undefined,
  atSign: string,
  encryptionPublicKey: string,
): Promise<KeySource> {
  if (resolver === undefined) return 'self-asserted';
  // Errors thrown here (atServer unreachable) propagate: never accept a
  // sign-in as confirmed, or quietly downgrade it, because a lookup failed.
  const published = await resolver(atSign);
  if (published === null) return 'self-asserted';
  if (typeof published !== 'string') throw new TypeError('The resolver must resolve to base64 DER SPKI text or null.');
  if (!sameDer(published, encryptionPublicKey)) {
    throw new SignInError(
      SignInErrorCode.BAD_KEY_BINDING,
      `The atServer's encryption public key for ${atSign} differs from the one in the keyBinding.`,
    );
  }
  return 'atServer';
}
