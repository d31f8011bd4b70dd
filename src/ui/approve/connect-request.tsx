// A site asks for fields of a persona: wait for the person's personas, then
// let them choose what to share.
import type { ApprovalAnswer, ConnectRequest as Request } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import { LoadStatus } from '../shared/load-status';
import { openPersonas } from '../shared/open-personas';
import type { Loadable } from '../shared/use-call';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';
import { ApprovalForm } from './approval-form';

interface Props {
  request: Request;
  host: string;
  atSign: string;
  personas: Loadable<Persona[]>;
  onRetry: () => void;
  answering: Submission<[ApprovalAnswer]>;
}

export function ConnectRequest({ request, host, atSign, personas, onRetry, answering }: Props) {
  const rejectOnly = <AnswerBar answering={answering} />;
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
          <p>{atSign} has no personas to share from yet.</p>
          <button type="button" class="link-button" onClick={() => void openPersonas()}>
            Add a persona
          </button>
        </div>
        {rejectOnly}
      </>
    );
  }
  return <ApprovalForm request={request} host={host} atSign={atSign} personas={personas.value} answering={answering} />;
}
