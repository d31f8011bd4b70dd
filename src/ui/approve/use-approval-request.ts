// The waiting request this window was opened for. Any failure to fetch it
// means the same to the person: it is no longer waiting (answered in another
// window, the site's tab closed, the browser restarted).
//
// A waiting request lives only in the background's memory, so the window asks
// again every few seconds. If the background stopped meanwhile, the request
// died with it (the site has been told); asking wakes the background, which
// closes the windows it no longer answers for, and the window closes itself
// too. The asking is passive: it does not keep the wallet from locking.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../client';
import type { ApprovalView } from '../../shared/approval';

/** How often the window checks that its request still waits. */
const CHECK_MS = 3_000;

export type RequestState = { status: 'loading' } | { status: 'gone' } | { status: 'ready'; view: ApprovalView };

export function useApprovalRequest(id: string | null): RequestState {
  const [state, setState] = useState<RequestState>(id ? { status: 'loading' } : { status: 'gone' });
  useEffect(() => {
    if (!id) return undefined;
    let live = true;
    let check: ReturnType<typeof setInterval> | undefined;
    const gone = () => {
      if (!live) return;
      clearInterval(check);
      setState({ status: 'gone' });
    };
    call('wallet_getApproval', { id }).then((view) => {
      if (!live) return;
      setState({ status: 'ready', view });
      check = setInterval(() => {
        call('wallet_getApproval', { id }).then(undefined, () => {
          gone();
          window.close();
        });
      }, CHECK_MS);
    }, gone);
    return () => {
      live = false;
      clearInterval(check);
    };
  }, [id]);
  return state;
}
