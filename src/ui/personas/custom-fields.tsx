// The person's own fields, beyond the standard ones. Sites ask for them by
// the name shown under each label.
import { MAX_CUSTOM_FIELDS } from '../../shared/profile-fields';
import type { CustomDraft } from './draft';
import { CustomFieldRow } from './custom-field-row';

interface Props {
  rows: CustomDraft[];
  messages: Record<string, string>;
  onChange: (rows: CustomDraft[]) => void;
  onBlur: (key: string) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

export const ADD_CUSTOM_ID = 'persona-add-custom';

export function CustomFields({ rows, messages, onChange, onBlur, onAdd, onRemove }: Props) {
  const full = rows.length >= MAX_CUSTOM_FIELDS;
  return (
    <fieldset class="group">
      <legend>Custom fields</legend>
      <p class="field__hint" id="custom-fields-hint">
        Anything else you want to be able to share. The label is for you; sites see the name under it.
      </p>
      {rows.length > 0 && (
        <ul class="custom-fields">
          {rows.map((row, index) => (
            <CustomFieldRow
              key={row.key}
              row={row}
              index={index}
              messages={messages}
              onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
              onBlur={onBlur}
              onRemove={() => onRemove(row.key)}
            />
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="button button--secondary" id={ADD_CUSTOM_ID} disabled={full} onClick={onAdd}>
          Add custom field
        </button>
      </div>
      {full && <p class="field__hint">A persona can have up to {MAX_CUSTOM_FIELDS} custom fields.</p>}
    </fieldset>
  );
}
