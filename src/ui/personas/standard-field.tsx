// One standard field of a persona: its label, the input that suits it, a hint
// and, once the person has left it, what is wrong with it.
import { FIELD_LABELS, type StandardField } from '../../shared/profile-fields';
import { FIELD_KINDS } from './field-kinds';
import { describedBy, FieldMessage } from './field-message';
import { Suggestions } from './suggestions';

interface Props {
  field: Exclude<StandardField, 'picture'>;
  id: string;
  value: string;
  message: string | null;
  /** `unreadable`: the browser holds something it cannot give as a value yet (half a date) */
  onInput: (value: string, unreadable: boolean) => void;
  onBlur: (unreadable: boolean) => void;
}

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export function StandardFieldInput({ field, id, value, message, onInput, onBlur }: Props) {
  const kind = FIELD_KINDS[field];
  const common = {
    id,
    class: 'input',
    value,
    // Persona values stay in the wallet, sealed; the browser's autofill would keep its own plain copy.
    autocomplete: 'off',
    spellcheck: false,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(kind.hint), message),
    // A half-typed date may never have fired input: look again on the way out.
    onBlur: (event: FocusEvent) => onBlur((event.currentTarget as HTMLInputElement).validity.badInput),
  } as const;
  return (
    <div class="field">
      <label for={id}>{FIELD_LABELS[field]}</label>
      {kind.input === 'textarea' ? (
        <textarea {...common} rows={3} onInput={(event) => onInput(event.currentTarget.value, false)} />
      ) : (
        <input
          {...common}
          type={kind.input}
          placeholder={kind.placeholder}
          max={kind.input === 'date' ? today() : undefined}
          list={kind.suggest ? `${id}-suggestions` : undefined}
          onInput={(event) => onInput(event.currentTarget.value, event.currentTarget.validity.badInput)}
        />
      )}
      {kind.suggest && <Suggestions id={`${id}-suggestions`} kind={kind.suggest} />}
      <FieldMessage id={id} hint={kind.hint} message={message} />
    </div>
  );
}
