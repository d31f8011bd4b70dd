// The two fields of a new passphrase, with their inline messages.
import { PassphraseInput } from '../shared/passphrase-input';
import type { NewPassphrase } from './use-new-passphrase';

interface Props {
  idPrefix: string;
  labels: [first: string, second: string];
  fields: NewPassphrase;
}

export function NewPassphraseFields({ idPrefix, labels, fields }: Props) {
  return (
    <>
      <PassphraseInput
        id={`${idPrefix}-new`}
        label={labels[0]}
        value={fields.first}
        onInput={fields.setFirst}
        onBlur={fields.blurFirst}
        autocomplete="new-password"
        hint="Ten characters or more. A few unrelated words are easy to remember and hard to guess."
        message={fields.firstMessage}
      />
      <PassphraseInput
        id={`${idPrefix}-confirm`}
        label={labels[1]}
        value={fields.second}
        onInput={fields.setSecond}
        onBlur={fields.blurSecond}
        autocomplete="new-password"
        message={fields.secondMessage}
      />
    </>
  );
}
