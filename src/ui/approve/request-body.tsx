// Under the question, what the person can do now: unlock first, wait for
// their personas, or choose what to share. Renders the state it is given.
import type { ApprovalAnswer, ConnectRequest } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { WalletState } from '../../shared/wallet-state';
import { LoadStatus } from '../shared/load-status';
import { openOnboarding } from '../shared/open-onboarding';
import { openPersonas } from '../shared/open-personas';
import { UnlockForm } from '../shared/unlock-form';
import type { Loadable } from '../shared/use-call';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';
import { ApprovalForm } from './approval-form';

interface Props {
  request: ConnectRequest;
  host: string;
  wallet: Loadable<WalletState>;
  personas: Loadable<Persona[]>;
  onRetry: () => void;
  onUnlock: (passphrase: string) => Promise<void>;
  answering: Submission<[ApprovalAnswer]>;
}

export function RequestBody({ request, host, wallet, personas, onRetry, onUnlock, answering }: Props) {
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
  if (personas.status !== 'ready') {
    return (
      <>
        {personas.status === 'loading' ? (
          <p class="status" role="status">
            Loading your personas…
          </p>
        ) : (
          <LoadStatus error={personas.message} onRetry={onRetry} />
        )}
        {rejectOnly}
      </>
    );
  }
  if (personas.value.length === 0) {
    return (
      <>
        <div class="status">
          <p>{activeAtSign} has no personas to share from yet.</p>
          <button type="button" class="link-button" onClick={() => void openPersonas()}>
            Add a persona
          </button>
        </div>
        {rejectOnly}
      </>
    );
  }
  return <ApprovalForm request={request} host={host} atSign={activeAtSign} personas={personas.value} answering={answering} />;
}
