// The window for one waiting request: who asks and why at the top, then what
// the person can do, which depends on what is asked. Escape says no, as
// closing a dialog does. No answer counts until the window has been in front
// of the person for a moment (input-guard.ts).
import type { ApprovalAnswer, ApprovalView } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { WalletState } from '../../shared/wallet-state';
import { describeOrigin } from '../shared/origin-display';
import type { Loadable } from '../shared/use-call';
import { useSubmit, type Submission } from '../shared/use-submit';
import { AnswersReady } from './answers-ready';
import { FRAME_NOTE_ID, FrameNote } from './frame-note';
import { ApprovalForm } from './approval-form';
import { ORIGIN_WARNINGS_ID, OriginWarnings } from './origin-warnings';
import { PersonasReady } from './personas-ready';
import { question } from './question';
import { RequestHeading } from './request-heading';
import { SignInRequest } from './sign-in-request';
import { SitePurpose } from './site-purpose';
import { useEscape } from './use-escape';
import { useInputGuard } from './use-input-guard';
import type { LookAlikeCheck } from './use-look-alike';
import { WalletGate } from './wallet-gate';

interface Props {
  view: ApprovalView;
  wallet: Loadable<WalletState>;
  personas: Loadable<Persona[]>;
  lookAlike: LookAlikeCheck;
  onRetry: () => void;
  onUnlock: (passphrase: string) => Promise<void>;
  onAnswer: (answer: ApprovalAnswer) => Promise<void>;
}

export function RequestPage({ view, wallet, personas, lookAlike, onRetry, onUnlock, onAnswer }: Props) {
  const submission = useSubmit(onAnswer);
  // Answers wait until the window has been seen, and until a look-alike warning could show.
  const ready = useInputGuard() && lookAlike.checked;
  const { resembles } = lookAlike;
  // Every way of answering — buttons, Enter, Escape — goes through here.
  const answering: Submission<[ApprovalAnswer]> = {
    ...submission,
    submit: (answer) => (ready ? submission.submit(answer) : Promise.resolve(false)),
  };
  useEscape(answering.busy ? null : () => void answering.submit({ approve: false }));
  const parts = describeOrigin(view.origin);
  const notes = [parts.lookAlike || parts.insecure || resembles ? ORIGIN_WARNINGS_ID : '', view.topOrigin ? FRAME_NOTE_ID : ''];
  const unlocked = wallet.status === 'ready' && wallet.value.unlocked;

  return (
    <AnswersReady.Provider value={ready}>
      <main class="approve">
        <header class="request">
          <RequestHeading
            parts={parts}
            question={question(view)}
            describedBy={notes.filter(Boolean).join(' ')}
            focus={unlocked}
          />
          <OriginWarnings parts={parts} resembles={resembles} />
          {view.topOrigin && <FrameNote origin={view.origin} topOrigin={view.topOrigin} />}
          {view.request?.purpose && <SitePurpose purpose={view.request.purpose} />}
        </header>
        <WalletGate wallet={wallet} onRetry={onRetry} onUnlock={onUnlock} answering={answering}>
          {(atSign) => {
            if (view.kind === 'signIn' && !view.request)
              return <SignInRequest view={view} host={parts.host} personas={null} answering={answering} />;
            // A sign-in shares from the personas of the atSign it signs as.
            const from = view.kind === 'signIn' ? view.atSign : atSign;
            return (
              <PersonasReady atSign={from} personas={personas} onRetry={onRetry} answering={answering}>
                {(list) =>
                  view.kind === 'connect' ? (
                    <ApprovalForm request={view.request} host={parts.host} atSign={atSign} personas={list} answering={answering} />
                  ) : (
                    <SignInRequest view={view} host={parts.host} personas={list} answering={answering} />
                  )
                }
              </PersonasReady>
            );
          }}
        </WalletGate>
      </main>
    </AnswersReady.Provider>
  );
}
