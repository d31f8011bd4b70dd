// A site asks the person to sign in: the atSign it will know them by, what it
// asks to share with it (when its grant does not cover that yet), the exact
// message the wallet would sign (the site's words as text, never markup), and
// whether the site may sign them in again without asking. One window, one
// answer. Not a form that submits: Enter must never approve by accident.
import { useState } from 'preact/hooks';
import type { ApprovalAnswer, SignInView } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';
import { ShareChoices, useShareChoices } from './share-choices';

const NOTHING_ASKED = { fields: [], optionalFields: [] };

interface Props {
  view: SignInView;
  host: string;
  /** the signing atSign's personas (at least one), when the site asks to share */
  personas: Persona[] | null;
  answering: Submission<[ApprovalAnswer]>;
}

export function SignInRequest({ view, host, personas, answering }: Props) {
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const sharing = view.request && personas ? { request: view.request, personas } : null;
  const state = useShareChoices(sharing?.request ?? NOTHING_ASKED, sharing?.personas ?? []);
  const { busy } = answering;

  const onApprove = () => {
    if (!sharing) return void answering.submit({ approve: true, keepSignedIn });
    const share = state.share();
    if (share) void answering.submit({ approve: true, keepSignedIn, share });
  };

  return (
    <form class="approval" onSubmit={(event) => event.preventDefault()}>
      <p class="sign-in__as">
        Signing in as <strong class="sign-in__atsign">{view.atSign}</strong>
      </p>
      {sharing && <ShareChoices state={state} host={host} personas={sharing.personas} disabled={busy} />}
      <section class="sign-in__message" aria-labelledby="sign-in-message-heading">
        <h2 id="sign-in-message-heading">Message to sign</h2>
        <pre class="sign-in__text">{view.message}</pre>
      </section>
      <div class="sign-in__keep">
        <input
          id="keep-signed-in"
          type="checkbox"
          class="sign-in__box"
          checked={keepSignedIn}
          disabled={busy}
          aria-describedby="keep-signed-in-hint"
          onChange={(event) => setKeepSignedIn(event.currentTarget.checked)}
        />
        <label for="keep-signed-in" class="sign-in__label">
          Keep me signed in on this site
        </label>
        <p id="keep-signed-in-hint" class="field__hint sign-in__hint">
          For up to 30 days, this site can sign you in again without asking. Revoking its access in the wallet ends this.
        </p>
      </div>
      <AnswerBar answering={answering} approve={{ blocker: sharing ? state.blocker : null, onApprove }} />
    </form>
  );
}
