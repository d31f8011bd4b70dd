// "Add an atSign": import one, add this wallet to one the person has, or
// activate a new one, side by side — or, right after adding one, what was added.
import type { PendingEnrollmentView } from '../../shared/methods/atplatform';
import type { IdentitySummary } from '../../shared/wallet-state';
import { AddedPanel } from './added-panel';
import { ActivateCard } from './activate-card';
import { EnrollCard } from './enroll-card';
import { ImportCard } from './import-card';
import { RootForm } from '../shared/root-form';

interface Props {
  added: IdentitySummary | null;
  firstOne: boolean;
  onImport: (content: string, fileName: string) => Promise<void>;
  onActivate: (atSign: string, secret: string) => Promise<void>;
  root: string | null;
  onSaveRoot: (root: string) => Promise<void>;
  onRequestEnrollment: (atSign: string, otp: string) => Promise<PendingEnrollmentView>;
  onAwaitEnrollment: (atSign: string) => Promise<void>;
  onCancelEnrollment: (atSign: string) => Promise<void>;
  onAddAnother: () => void;
  onDone: () => void;
}

export function AddSection(props: Props) {
  const { added, firstOne, onImport, onActivate, onAddAnother, onDone } = props;
  if (added) {
    return (
      <section class="section" aria-labelledby="add-heading">
        <AddedPanel identity={added} onAddAnother={onAddAnother} onDone={onDone} />
      </section>
    );
  }
  return (
    <section class="section" aria-labelledby="add-heading">
      {firstOne && <p class="step__count">Step 2 of 2</p>}
      <h2 id="add-heading">Add an atSign</h2>
      <div class="choices">
        <ImportCard onImport={onImport} />
        <EnrollCard
          onRequest={props.onRequestEnrollment}
          onAwait={props.onAwaitEnrollment}
          onCancel={props.onCancelEnrollment}
        />
        <ActivateCard onActivate={onActivate} />
      </div>
      <details class="atplatform-root">
        <summary>Where the wallet finds atServers (for adding or activating an atSign)</summary>
        {props.root === null ? (
          <p class="status" role="status">
            Reading the setting…
          </p>
        ) : (
          <RootForm root={props.root} onSave={props.onSaveRoot} />
        )}
      </details>
    </section>
  );
}
