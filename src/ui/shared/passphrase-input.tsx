// One labelled password field, with an optional hint and an inline message
// that screen readers hear along with the label.
import type { Ref } from 'preact';

export interface PassphraseInputProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete: 'current-password' | 'new-password';
  hint?: string;
  /** what is wrong with the value, shown under the field */
  message?: string | null;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function PassphraseInput({ id, label, value, onInput, autocomplete, hint, message, onBlur, inputRef }: PassphraseInputProps) {
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const describedBy = [hint ? hintId : '', message ? messageId : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        class="input"
        type="password"
        value={value}
        autocomplete={autocomplete}
        spellcheck={false}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
      />
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {message && (
        <p id={messageId} class="field__message">
          {message}
        </p>
      )}
    </div>
  );
}
