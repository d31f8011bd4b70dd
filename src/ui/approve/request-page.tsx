// The window for one waiting request: who asks and why at the top, then what
// the person can do. Escape says no, as closing a dialog does.
import type { ApprovalAnswer, ApprovalView } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { WalletState } from '../../shared/wallet-state';
import { describeOrigin } from '../shared/origin-display';
import type { Loadable } from '../shared/use-call';
import { useSubmit } from '../shared/use-submit';
import { FRAME_NOTE_ID, FrameNote } from './frame-note';
import { ORIGIN_WARNINGS_ID, OriginWarnings } from './origin-warnings';
import { RequestBody } from './request-body';
import { RequestHeading } from './request-heading';
import { SitePurpose } from './site-purpose';
import { useEscape } from './use-escape';

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
        <RequestHeading parts={parts} describedBy={notes.filter(Boolean).join(' ')} focus={unlocked} />
        <OriginWarnings parts={parts} />
        {view.topOrigin && <FrameNote origin={view.origin} topOrigin={view.topOrigin} />}
        {view.request.purpose && <SitePurpose purpose={view.request.purpose} />}
      </header>
      <RequestBody
        request={view.request}
        host={parts.host}
        wallet={wallet}
        personas={personas}
        onRetry={onRetry}
        onUnlock={onUnlock}
        answering={answering}
      />
    </main>
  );
}
