// The atSign a person types to bring one into the wallet (by enrollment or by
// activation): a plain text field that does not autocorrect or capitalise.
import type { Ref } from 'preact';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function AtSignField({ id, value, onChange, inputRef }: Props) {
  return (
    <div class="field">
      <label for={id}>atSign</label>
      <input
        id={id}
        ref={inputRef}
        class="input"
        type="text"
        placeholder="@yourname"
        value={value}
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}
