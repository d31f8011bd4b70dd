// The wallet's sign-in key on the atPlatform: the key binding, written as the
// signed public atKey it already is (`public:signing_key.atwallet@alice`,
// value = the ed25519 public key, dataSignature by the encryption key), so a
// site's resolver can read it without authenticating and check it.

import { AtServerError, type AtClient } from '@/src/atplatform';
import type { KeyBinding } from '@/src/keys';

/** The atServer's code for "no such key". */
const KEY_NOT_FOUND = 'AT0015';

/**
 * Writes the binding unless the atServer already holds exactly it (value and
 * dataSignature), so reconnecting makes no new commit. True when it wrote.
 */
export async function publishSigningKey(client: AtClient, binding: KeyBinding): Promise<boolean> {
  let current = null;
  try {
    current = await client.llookupAll(binding.atKey);
  } catch (error) {
    if (!(error instanceof AtServerError && error.code === KEY_NOT_FOUND)) throw error;
  }
  if (current?.value === binding.value && current.metadata.dataSignature === binding.dataSignature) return false;
  await client.update(binding.atKey, binding.value, { dataSignature: binding.dataSignature });
  return true;
}
