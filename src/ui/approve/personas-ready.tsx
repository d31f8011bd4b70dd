// A request that shares from a persona waits for the person's personas: while
// they load, fail to load, or there are none yet, only Reject is offered.
import type { ComponentChildren } from 'preact';
import type { ApprovalAnswer } from '../../shared/approval';
import type { Persona } from '../../shared/persona';
import { LoadStatus } from '../shared/load-status';
import { openPersonas } from '../shared/open-personas';
import type { Loadable } from '../shared/use-call';
import type { Submission } from '../shared/use-submit';
import { AnswerBar } from './answer-bar';

interface Props {
  atSign: string;
  personas: Loadable<Persona[]>;
  onRetry: () => void;
  answering: Submission<[ApprovalAnswer]>;
  /** given at least one persona */
  children: (personas: Persona[]) => ComponentChildren;
}

export function PersonasReady({ atSign, personas, onRetry, answering, children }: Props) {
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
  return <>{children(personas.value)}</>;
}
