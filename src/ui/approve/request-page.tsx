// The window for one waiting request: who asks and why at the top, then what
// the person can do, which depends on what is asked. Escape says no, as
// closing a dialog does.
import type { ApprovalAnswer, ApprovalView } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { WalletState } from '../../shared/wallet-state';
import { describeOrigin } from '../shared/origin-display';
import type { Loadable } from '../shared/use-call';
import { useSubmit } from '../shared/use-submit';
import { ConnectRequest } from './connect-request';
import { FRAME_NOTE_ID, FrameNote } from './frame-note';
import { ORIGIN_WARNINGS_ID, OriginWarnings } from './origin-warnings';
import { QUESTION } from './question';
import { RequestHeading } from './request-heading';
import { SignInRequest } from './sign-in-request';
import { SitePurpose } from './site-purpose';
import { useEscape } from './use-escape';
import { WalletGate } from './wallet-gate';

interface Props {
  view: ApprovalView;
  wallet: Loadable<WalletState>;
  personas: Loadable<Persona[]>;
  onRetry: () => void;
  onUnlock: (passphrase: string) => Promise<void>;
  onAnswer: (answer: ApprovalAnswer) => Promise<void>;
}

export function RequestPage({ view, wallet, personas, onRetry, onUnlock, onAnswer }: Props) {
  const answering = useSubmit(onAnswer);
  useEscape(answering.busy ? null : () => void answering.submit({ approve: false }));
  const parts = describeOrigin(view.origin);
  const notes = [parts.lookAlike || parts.insecure ? ORIGIN_WARNINGS_ID : '', view.topOrigin ? FRAME_NOTE_ID : ''];
  const unlocked = wallet.status === 'ready' && wallet.value.unlocked;

  return (
    <main class="approve">
      <header class="request">
        <RequestHeading
          parts={parts}
          question={QUESTION[view.kind]}
          describedBy={notes.filter(Boolean).join(' ')}
          focus={unlocked}
        />
        <OriginWarnings parts={parts} />
        {view.topOrigin && <FrameNote origin={view.origin} topOrigin={view.topOrigin} />}
        {view.kind === 'connect' && view.request.purpose && <SitePurpose purpose={view.request.purpose} />}
      </header>
      <WalletGate wallet={wallet} onRetry={onRetry} onUnlock={onUnlock} answering={answering}>
        {(atSign) =>
          view.kind === 'connect' ? (
            <ConnectRequest
              request={view.request}
              host={parts.host}
              atSign={atSign}
              personas={personas}
              onRetry={onRetry}
              answering={answering}
            />
          ) : (
            <SignInRequest view={view} answering={answering} />
          )
        }
      </WalletGate>
    </main>
  );
}
