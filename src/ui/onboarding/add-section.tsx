// "Add an atSign": import one or create one, side by side — or, right after
// adding one, what was added.
import type { IdentitySummary } from '../../shared/wallet-state';
import { AddedPanel } from './added-panel';
import { CreateCard } from './create-card';
import { ImportCard } from './import-card';

interface Props {
  added: IdentitySummary | null;
  firstOne: boolean;
  onImport: (content: string, fileName: string) => Promise<void>;
  onCreate: (atSign: string) => Promise<void>;
  onAddAnother: () => void;
  onDone: () => void;
}

export function AddSection({ added, firstOne, onImport, onCreate, onAddAnother, onDone }: Props) {
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
        <CreateCard onCreate={onCreate} />
      </div>
    </section>
  );
}
