// One custom field: the label the person knows it by, its value, and the
// name sites see it as (made from the label when it was first saved).
import type { CustomDraft } from './draft';
import { customKey, customName, inputId } from './draft';
import { customFieldName } from './custom-field-name';
import { describedBy, FieldMessage } from './field-message';
import { isolate } from '../shared/words';

interface Props {
  row: CustomDraft;
  index: number;
  messages: Record<string, string>;
  onChange: (row: CustomDraft) => void;
  onBlur: (key: string) => void;
  onRemove: () => void;
}

function seenAs(row: CustomDraft): string {
  const name = customName(row);
  if (!name) return 'Sites see it by a name made from the label.';
  const kept = row.savedName !== null && row.label.trim() && customFieldName(row.label) !== row.savedName;
  return kept
    ? `Sites see it as ${isolate(name)}. The name stays as saved, so sites that have it keep it.`
    : `Sites see it as ${isolate(name)}`;
}

export function CustomFieldRow({ row, index, messages, onChange, onBlur, onRemove }: Props) {
  const labelKey = customKey(row, 'label');
  const valueKey = customKey(row, 'value');
  const labelId = inputId(labelKey);
  const valueId = inputId(valueKey);
  const labelMessage = messages[labelKey] ?? null;
  const valueMessage = messages[valueKey] ?? null;
  return (
    <li class="custom-field" role="group" aria-label={`Custom field ${index + 1}`}>
      <div class="field">
        <label for={labelId}>Field label</label>
        <input
          id={labelId}
          class="input"
          type="text"
          value={row.label}
          autocomplete="off"
          aria-invalid={labelMessage ? true : undefined}
          aria-describedby={describedBy(labelId, true, labelMessage)}
          onInput={(event) => onChange({ ...row, label: event.currentTarget.value })}
          onBlur={() => onBlur(labelKey)}
        />
        <FieldMessage id={labelId} hint={seenAs(row)} message={labelMessage} />
      </div>
      <div class="field">
        <label for={valueId}>Value</label>
        <input
          id={valueId}
          class="input"
          type="text"
          value={row.value}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={valueMessage ? true : undefined}
          aria-describedby={describedBy(valueId, false, valueMessage)}
          onInput={(event) => onChange({ ...row, value: event.currentTarget.value })}
          onBlur={() => onBlur(valueKey)}
        />
        <FieldMessage id={valueId} message={valueMessage} />
      </div>
      <button
        type="button"
        class="button button--secondary button--small custom-field__remove"
        aria-label={`Remove ${row.label.trim() || `custom field ${index + 1}`}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}
