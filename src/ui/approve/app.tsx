// The approval window: one site's request, answered by the person. This is
// the one component of the window that talks to the background; everything
// below it renders what it is handed. The URL gives only the request's id.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../client';
import type { ApprovalAnswer } from '../../shared/approval';
import { ErrorCode, WalletError } from '../../shared/errors';
import { usePersonas } from '../shared/use-personas';
import { useWallet } from '../shared/use-wallet';
import { Answered } from './answered';
import { questionTitle } from './question';
import { requestIdFrom } from './request-id';
import { RequestGone } from './request-gone';
import { RequestPage } from './request-page';
import { useApprovalRequest } from './use-approval-request';
import { useLookAlike } from './use-look-alike';
import { WindowBrand } from './window-brand';

const id = requestIdFrom(location.search);

export function App() {
  const request = useApprovalRequest(id);
  const { state: wallet, reload, actions } = useWallet();
  const unlocked = wallet.status === 'ready' && wallet.value.unlocked;
  const view = request.status === 'ready' ? request.view : null;
  // A connect request shares from the active atSign's personas; a sign-in
  // that asks for fields, from those of the atSign it signs as.
  const sharesFrom = !unlocked || !view ? null : view.kind === 'connect' ? wallet.value.activeAtSign : view.request ? view.atSign : null;
  const { personas, reload: reloadPersonas } = usePersonas(sharesFrom);
  const lookAlike = useLookAlike(view?.origin ?? null);
  const [answered, setAnswered] = useState(false);

  const title = request.status === 'ready' ? questionTitle(request.view) : 'atSign Wallet';
  useEffect(() => void (document.title = title), [title]);

  const answer = async (answer: ApprovalAnswer) => {
    if (!id) return;
    try {
      await call('wallet_answerApproval', { id, answer });
    } catch (error) {
      // Locked meanwhile (auto-lock): show the unlock form, then the choices afresh.
      if (error instanceof WalletError && error.code === ErrorCode.Locked) void reload();
      throw error;
    }
    setAnswered(true);
    window.close();
  };

  let body;
  if (answered) body = <Answered />;
  else if (request.status === 'gone') body = <RequestGone />;
  else if (request.status === 'loading') {
    body = (
      <main class="approve-loading">
        <p class="status" role="status">
          Opening the request…
        </p>
      </main>
    );
  } else {
    body = (
      <RequestPage
        view={request.view}
        wallet={wallet}
        personas={personas}
        lookAlike={lookAlike}
        onRetry={() => (wallet.status === 'ready' ? reloadPersonas() : void reload())}
        onUnlock={actions.unlock}
        onAnswer={answer}
      />
    );
  }
  return (
    <>
      <WindowBrand />
      {body}
    </>
  );
}
