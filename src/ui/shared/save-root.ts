// Saving the atPlatform root: in Firefox the wallet first asks for host access
// to it (while the person's click still counts), then the background checks
// and keeps it.
import { call } from '../client';
import type { AtPlatformView } from '../../shared/methods/atplatform';
import { rootOrigin } from '../../shared/root-origin';
import { ensureHostAccess } from './host-access';

function rootOriginOrNull(root: string): string | null {
  try {
    return rootOrigin(root);
  } catch {
    return null;
  }
}

export async function saveRoot(root: string): Promise<AtPlatformView> {
  const origin = rootOriginOrNull(root);
  // A root that is not a valid origin is refused by the background, in its words.
  if (origin) await ensureHostAccess(origin);
  return call('wallet_setAtPlatformRoot', { root });
}
