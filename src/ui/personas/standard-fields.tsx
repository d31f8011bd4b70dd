// The standard fields of a persona, in their groups: the picture first, then
// name, contact and the rest.
import type { StandardField } from '../../shared/profile-fields';
import type { Draft } from './draft';
import { inputId } from './draft';
import { FIELD_GROUPS } from './field-kinds';
import { PictureField } from './picture-field';
import { StandardFieldInput } from './standard-field';

interface Props {
  draft: Draft;
  personaName: string;
  messages: Record<string, string>;
  onInput: (field: StandardField, value: string, unreadable: boolean) => void;
  onBlur: (field: StandardField, unreadable: boolean) => void;
}

export function StandardFields({ draft, personaName, messages, onInput, onBlur }: Props) {
  const input = (field: StandardField) =>
    field === 'picture' ? (
      <PictureField
        key={field}
        id={inputId(field)}
        personaName={personaName}
        value={draft.fields.picture ?? ''}
        message={messages.picture ?? null}
        onChange={(value) => onInput('picture', value, false)}
      />
    ) : (
      <StandardFieldInput
        key={field}
        field={field}
        id={inputId(field)}
        value={draft.fields[field] ?? ''}
        message={messages[field] ?? null}
        onInput={(value, unreadable) => onInput(field, value, unreadable)}
        onBlur={(unreadable) => onBlur(field, unreadable)}
      />
    );
  return (
    <>
      {FIELD_GROUPS.map(({ title, fields }) =>
        title ? (
          <fieldset class="group" key={title}>
            <legend>{title}</legend>
            <div class="group__fields">{fields.map(input)}</div>
          </fieldset>
        ) : (
          <div class="group" key={fields.join()}>
            {fields.map(input)}
          </div>
        ),
      )}
    </>
  );
}
