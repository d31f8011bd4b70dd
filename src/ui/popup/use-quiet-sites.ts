// The sites the person asked not to ask again for a while, and the way to let
// one ask again. Read when the Sites tab shows, as the grants are.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { QuietSite } from '../../shared/approval';
import { call } from '../client';

export interface QuietSites {
  sites: QuietSite[];
  askAgain: (origin: string) => Promise<void>;
}

export function useQuietSites(): QuietSites {
  const [sites, setSites] = useState<QuietSite[]>([]);
  const reload = useCallback(() => {
    // Nothing to show is the same as not knowing yet: the list only appears when there is one.
    call('wallet_listQuietSites').then(setSites, () => setSites([]));
  }, []);
  useEffect(() => {
    reload();
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);
  const askAgain = useCallback(async (origin: string) => setSites(await call('wallet_askAgain', { origin })), []);
  return { sites, askAgain };
}
