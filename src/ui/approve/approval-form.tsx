// A site asks to connect: the person's choices, then the answer. Not a form
// that submits: Enter in a text input must never approve by accident.
import type { ApprovalAnswer, ConnectRequest } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';
import { ShareChoices, useShareChoices } from './share-choices';

interface Props {
  request: ConnectRequest;
  host: string;
  atSign: string;
  /** at least one */
  personas: Persona[];
  answering: Submission<[ApprovalAnswer]>;
}

export function ApprovalForm({ request, host, atSign, personas, answering }: Props) {
  const state = useShareChoices(request, personas);
  const onApprove = () => {
    const share = state.share();
    if (share) void answering.submit({ approve: true, ...share });
  };
  return (
    <form class="approval" onSubmit={(event) => event.preventDefault()}>
      <ShareChoices state={state} host={host} atSign={atSign} personas={personas} disabled={answering.busy} />
      <AnswerBar answering={answering} approve={{ blocker: state.blocker, onApprove }} />
    </form>
  );
}
