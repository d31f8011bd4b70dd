// The step from "some key vouches for this signing key" to "this atSign's key
// does": what the atSign's atServer publishes must be what the binding says.
// The lookup itself is the resolver's (see confirm/ for the SDK's own); this
// file only judges its answer, so every resolver is held to the same rules.
import { importRsaPublicKey, rsaVerify } from '../../../../src/keys/rsa';
import { decodeBase64 } from '../../../../src/shared/base64';
import { SignInError, SignInErrorCode } from './errors';
import type { AtSignResolver, PublishedAtSignKeys, ResolverQuestion } from './types';

const mismatch = (message: string) => new SignInError(SignInErrorCode.KEY_MISMATCH, message);

/** Same key as DER bytes, so base64 spelling cannot matter. */
export function sameKey(a: string, b: string): boolean {
  const x = decodeBase64(a);
  const y = decodeBase64(b);
  return x !== null && y !== null && x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/** Asks the resolver; a failure that is not already a refusal becomes ATSERVER_UNREACHABLE, never a pass. */
async function ask(resolver: AtSignResolver, atSign: string, question: ResolverQuestion): Promise<PublishedAtSignKeys> {
  let published: PublishedAtSignKeys | null;
  try {
    published = await resolver(atSign, question);
  } catch (error) {
    if (error instanceof SignInError) throw error;
    const why = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    throw new SignInError(SignInErrorCode.ATSERVER_UNREACHABLE, `Could not confirm ${atSign} on the atPlatform (${why}).`, { cause: error });
  }
  if (published === null) {
    throw new SignInError(SignInErrorCode.ATSIGN_NOT_FOUND, `The atPlatform's root directory does not know ${atSign}.`);
  }
  const shaped =
    typeof published === 'object' &&
    typeof published.encryptionPublicKey === 'string' &&
    (published.signingKey === null ||
      (typeof published.signingKey === 'object' &&
        typeof published.signingKey.value === 'string' &&
        (published.signingKey.dataSignature === null || typeof published.signingKey.dataSignature === 'string')));
  if (!shaped) throw new TypeError('The resolver must resolve to { encryptionPublicKey, signingKey } or null.');
  return published;
}

interface Bound {
  encryptionPublicKey: string;
  signingPublicKey: string;
  /** The keyBinding's atKey: where the wallet publishes its signing key. */
  signingAtKey: string;
}

/**
 * Confirms the binding's keys against what `atSign` publishes. Resolves with
 * whether the signing key was published (and so confirmed too); refuses with
 * KEY_MISMATCH when anything published disagrees with the sign-in — after
 * asking once more, fresh, in case the resolver answered from a cache older
 * than a key the wallet just published or an atSign's new keys. Anyone can
 * make a binding with keys of their own, so that second question must be
 * cheap: the SDK's resolver answers it from what it kept unless that is
 * older than its `freshMinMs`.
 */
export async function confirmOnAtPlatform(
  resolver: AtSignResolver,
  atSign: string,
  bound: Bound,
): Promise<{ signingKeyPublished: boolean }> {
  const question = { signingAtKey: bound.signingAtKey, encryptionPublicKey: bound.encryptionPublicKey };
  try {
    return await judge(await ask(resolver, atSign, question), atSign, bound);
  } catch (error) {
    if (!(error instanceof SignInError && error.code === SignInErrorCode.KEY_MISMATCH)) throw error;
    return judge(await ask(resolver, atSign, { ...question, fresh: true }), atSign, bound);
  }
}

async function judge(published: PublishedAtSignKeys, atSign: string, bound: Bound): Promise<{ signingKeyPublished: boolean }> {
  if (!sameKey(published.encryptionPublicKey, bound.encryptionPublicKey)) {
    throw mismatch(`The atServer of ${atSign} publishes another encryption public key than the one in the keyBinding.`);
  }
  const { signingKey } = published;
  if (signingKey === null) return { signingKeyPublished: false };
  if (signingKey.value !== bound.signingPublicKey) {
    throw mismatch(`The atServer of ${atSign} publishes another wallet signing key than the one that signed.`);
  }
  // Published data is only as good as its signature: a key someone slipped
  // onto the server without the atSign's encryption key does not count.
  const signature = signingKey.dataSignature === null ? null : decodeBase64(signingKey.dataSignature);
  const der = decodeBase64(published.encryptionPublicKey);
  const key = der === null ? null : await importRsaPublicKey(der).catch(() => null);
  if (signature === null || key === null || !(await rsaVerify(key, signature, signingKey.value))) {
    throw mismatch(`The signing key the atServer of ${atSign} publishes is not signed by its encryption key (bad dataSignature).`);
  }
  return { signingKeyPublished: true };
}
