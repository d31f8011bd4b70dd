// An input right in the window for a field the persona has no value for,
// typed the way the persona editor types it. What is typed is saved to the
// persona when the person approves. The message shows once they move on.
import { useState } from 'preact/hooks';
import { FIELD_KINDS, type FieldKind } from '../personas/field-kinds';
import { FillPicture } from './fill-picture';

interface Props {
  name: string;
  label: string;
  value: string;
  problem: string | null;
  onInput: (value: string) => void;
}

const kindOf = (name: string): FieldKind => (FIELD_KINDS as Record<string, FieldKind>)[name] ?? { input: 'text' };

export function FillInput({ name, label, value, problem, onInput }: Props) {
  const [left, setLeft] = useState(false);
  if (name === 'picture') return <FillPicture label={label} value={value} onInput={onInput} />;

  const id = `fill-${name}`;
  const kind = kindOf(name);
  const message = left && problem ? problem : null;
  const describedBy = [kind.hint ? `${id}-hint` : '', message ? `${id}-message` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    class: 'input',
    value,
    placeholder: kind.placeholder,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: () => setLeft(true),
  };
  return (
    <div class="field fill">
      <label for={id}>
        Fill in <bdi>{label}</bdi>
      </label>
      {kind.input === 'textarea' ? (
        <textarea {...common} rows={3} onInput={(event) => onInput(event.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={kind.input}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
      {kind.hint && (
        <p id={`${id}-hint`} class="field__hint">
          {kind.hint}
        </p>
      )}
      {message && (
        <p id={`${id}-message`} class="field__message">
          {message}
        </p>
      )}
    </div>
  );
}
