// Create a new atSign's keys in the wallet. Making two RSA-2048 key pairs
// takes several seconds, so the form says what it is doing meanwhile.
import { useRef, useState } from 'preact/hooks';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { displayAtSign } from '../shared/words';

export function CreateCard({ onCreate }: { onCreate: (atSign: string) => Promise<void> }) {
  const [atSign, setAtSign] = useState('');
  const [working, setWorking] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const { busy, error, submit } = useSubmit(onCreate);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const typed = atSign.trim();
    setWorking(displayAtSign(typed));
    // On failure, back to the field the wallet's message is about.
    if (!(await submit(typed))) inputRef.current?.focus();
  };

  return (
    <form class="card choice" aria-labelledby="create-heading" onSubmit={onSubmit}>
      <h3 id="create-heading">Create a new atSign</h3>
      <p class="muted">Make fresh keys for an atSign on this device. Export them afterwards to keep a copy.</p>
      <fieldset class="plain" disabled={busy}>
        <div class="field">
          <label for="create-atsign">atSign</label>
          <input
            id="create-atsign"
            ref={inputRef}
            class="input"
            type="text"
            placeholder="@yourname"
            value={atSign}
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            aria-describedby="create-atsign-hint"
            onInput={(event) => setAtSign(event.currentTarget.value)}
          />
          <p class="field__hint" id="create-atsign-hint">
            Lowercase letters, digits and emoji; up to 55 characters.
          </p>
        </div>
        <FormAlert error={error} />
        <div class="actions">
          <button type="submit" class="button">
            Create
          </button>
        </div>
      </fieldset>
      <FormStatus>
        {busy && (
          <>
            <p>Generating keys for {working}…</p>
            <progress class="progress" aria-label={`Generating keys for ${working}`} />
            <p class="muted">This takes a few seconds.</p>
          </>
        )}
      </FormStatus>
    </form>
  );
}
