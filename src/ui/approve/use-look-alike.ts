// Whether the asking site's name imitates a site the person has granted
// (src/shared/look-alike.ts). Worked out here, in the window, rather than in
// the background: the public suffix list and the confusables table it needs
// are large, and the background starts afresh for many requests; only a
// window that asks the person has a use for the answer. The window's answers
// wait for the check, so no one approves before a warning could show; if the
// grants cannot be read, there is no warning to give.
import { useMemo } from 'preact/hooks';
import { lookAlikeOf, type LookAlike } from '../../shared/look-alike';
import { useCall } from '../shared/use-call';

export interface LookAlikeCheck {
  /** false until the grants have been read (or failed to be) */
  checked: boolean;
  /** the granted site whose name this one's imitates, if any */
  resembles: LookAlike | null;
}

export function useLookAlike(origin: string | null): LookAlikeCheck {
  const [grants] = useCall('wallet_listGrants');
  return useMemo(
    () => ({
      checked: grants.status !== 'loading',
      resembles: origin && grants.status === 'ready' ? lookAlikeOf(origin, grants.value.map((grant) => grant.origin)) : null,
    }),
    [origin, grants],
  );
}
