// Import an atSign from its .atKeys file: pick it or drop it here, then send
// its text to the wallet, which says exactly what is wrong with a bad file.
import { useState } from 'preact/hooks';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { formatBytes } from '../shared/words';
import { fileProblem, readAtKeysFile } from './read-atkeys-file';

export function ImportCard({ onImport }: { onImport: (content: string, fileName: string) => Promise<void> }) {
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const { busy, error, submit, fail, clear } = useSubmit(async (chosen: File) =>
    onImport(await readAtKeysFile(chosen), chosen.name),
  );

  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    const problem = chosen ? fileProblem(chosen) : null;
    if (problem) fail(new Error(problem));
    else clear();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer?.files[0]);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!file) fail(new Error('Choose your .atKeys file first.'));
    else void submit(file);
  };

  return (
    <form class="card choice" aria-labelledby="import-heading" onSubmit={onSubmit}>
      <h3 id="import-heading">Import an atSign</h3>
      <p class="muted">You already have an atSign: bring its keys from the .atKeys file you saved when you made it.</p>
      <fieldset class="plain" disabled={busy}>
        <div
          class={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label for="import-file">Your .atKeys file</label>
          <p class="field__hint" id="import-file-hint">
            Drop it here, or choose it.
          </p>
          <input
            id="import-file"
            class="file-input"
            type="file"
            accept=".atKeys,application/json"
            aria-describedby="import-file-hint"
            onChange={(event) => choose(event.currentTarget.files?.[0])}
          />
          {file && (
            <p class="file-chosen">
              <span class="file-chosen__name">{file.name}</span> · {formatBytes(file.size)}
            </p>
          )}
        </div>
        <FormAlert error={error} />
        <div class="actions">
          <button type="submit" class="button">
            Import
          </button>
        </div>
      </fieldset>
      <FormStatus>{busy ? 'Reading your keys…' : ''}</FormStatus>
    </form>
  );
}
