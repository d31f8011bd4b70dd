// The waiting request this window was opened for. Any failure to fetch it
// means the same to the person: it is no longer waiting (answered in another
// window, the site's tab closed, the browser restarted).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../client';
import type { ApprovalView } from '../../shared/approval';

export type RequestState = { status: 'loading' } | { status: 'gone' } | { status: 'ready'; view: ApprovalView };

export function useApprovalRequest(id: string | null): RequestState {
  const [state, setState] = useState<RequestState>(id ? { status: 'loading' } : { status: 'gone' });
  useEffect(() => {
    if (!id) return undefined;
    let live = true;
    call('wallet_getApproval', { id }).then(
      (view) => live && setState({ status: 'ready', view }),
      () => live && setState({ status: 'gone' }),
    );
    return () => void (live = false);
  }, [id]);
  return state;
}
