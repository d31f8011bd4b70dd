// "Add persona": a button that opens a one-field form for the new name.
import { useState } from 'preact/hooks';
import { MAX_PERSONAS } from '../../shared/persona';
import { FormAlert } from '../shared/form-alert';
import { useFocusOnMount } from '../shared/use-focus-on-mount';
import { useSubmit } from '../shared/use-submit';
import { personaNameProblem } from './draft';
import { describedBy, FieldMessage } from './field-message';

interface Props {
  names: string[];
  onAdd: (name: string) => Promise<void>;
}

const ID = 'add-persona-name';

function AddForm({ names, onAdd, onClose, onCancel }: Props & { onClose: () => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(onAdd);
  const inputRef = useFocusOnMount<HTMLInputElement>();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const problem = personaNameProblem(name.trim(), names);
    setMessage(problem);
    if (problem) inputRef.current?.focus();
    else if (await submit(name.trim())) onClose();
  };

  return (
    <form
      class="inline-form"
      aria-label="Add persona"
      onSubmit={onSubmit}
      noValidate
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <div class="field">
        <label for={ID}>Persona name</label>
        <input
          id={ID}
          ref={inputRef}
          class="input"
          type="text"
          value={name}
          autocomplete="off"
          placeholder="Gaming, Neighbours…"
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(ID, false, message)}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <FieldMessage id={ID} message={message} />
      </div>
      <FormAlert error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Add
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export const ADD_PERSONA_ID = 'add-persona';

export function AddPersona({ names, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  if (names.length >= MAX_PERSONAS) {
    return <p class="note">An atSign can have up to {MAX_PERSONAS} personas. Delete one to add another.</p>;
  }
  if (open) {
    const cancel = () => {
      setOpen(false);
      // Back to the button that opened the form, once it is there again.
      requestAnimationFrame(() => document.getElementById(ADD_PERSONA_ID)?.focus());
    };
    // Once added, the new persona's editor takes the focus.
    return <AddForm names={names} onAdd={onAdd} onClose={() => setOpen(false)} onCancel={cancel} />;
  }
  return (
    <button type="button" id={ADD_PERSONA_ID} class="button button--secondary" onClick={() => setOpen(true)}>
      Add persona
    </button>
  );
}
