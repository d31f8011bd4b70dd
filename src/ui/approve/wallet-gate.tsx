// Before any request can be answered yes, the wallet must be open: while it
// loads, is locked or holds no atSign yet, only Reject is offered. Once it is
// ready, the request's own part is rendered for the active atSign.
import type { ComponentChildren } from 'preact';
import type { ApprovalAnswer } from '../../shared/approval';
import type { WalletState } from '../../shared/wallet-state';
import { LoadStatus } from '../shared/load-status';
import { openOnboarding } from '../shared/open-onboarding';
import { UnlockForm } from '../shared/unlock-form';
import type { Loadable } from '../shared/use-call';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';

interface Props {
  wallet: Loadable<WalletState>;
  onRetry: () => void;
  onUnlock: (passphrase: string) => Promise<void>;
  answering: Submission<[ApprovalAnswer]>;
  children: (activeAtSign: string) => ComponentChildren;
}

export function WalletGate({ wallet, onRetry, onUnlock, answering, children }: Props) {
  const rejectOnly = <AnswerBar answering={answering} />;
  if (wallet.status !== 'ready') {
    return (
      <>
        <LoadStatus error={wallet.status === 'error' ? wallet.message : undefined} onRetry={onRetry} />
        {rejectOnly}
      </>
    );
  }
  const { initialized, unlocked, activeAtSign } = wallet.value;
  if (initialized && !unlocked) {
    return (
      <>
        <UnlockForm onUnlock={onUnlock} />
        {rejectOnly}
      </>
    );
  }
  if (!initialized || !activeAtSign) {
    return (
      <>
        <div class="status">
          <p>There is no atSign in your wallet yet. Add one, then ask the site again.</p>
          <button type="button" class="link-button" onClick={() => void openOnboarding()}>
            Set up atSign Wallet
          </button>
        </div>
        {rejectOnly}
      </>
    );
  }
  return <>{children(activeAtSign)}</>;
}
