// One field the site asked for: a checkbox named after the field, and under
// it what the site would see — the persona's value, an input to fill it in
// when the persona has none, or a word on what unticking means.
import type { FieldRow } from './choices';
import { FillInput } from './fill-input';
import { ValuePreview } from './value-preview';

interface Props {
  row: FieldRow;
  disabled: boolean;
  onTick: (name: string, ticked: boolean) => void;
  onFill: (name: string, value: string) => void;
}

export function FieldChoice({ row, disabled, onTick, onFill }: Props) {
  const id = `share-${row.name}`;
  const ids = { optional: `${id}-optional`, value: `${id}-value`, note: `${id}-note` };
  const warnUnticked = row.required && !row.ticked;
  const describedBy = [
    row.required ? '' : ids.optional,
    row.ticked && row.value !== null ? ids.value : '',
    warnUnticked ? ids.note : '',
  ].filter(Boolean);

  return (
    <li class={row.ticked ? 'field-choice' : 'field-choice field-choice--off'}>
      <input
        id={id}
        type="checkbox"
        class="field-choice__box"
        checked={row.ticked}
        disabled={disabled}
        aria-describedby={describedBy.join(' ') || undefined}
        onChange={(event) => onTick(row.name, event.currentTarget.checked)}
      />
      <label for={id} class="field-choice__label">
        {row.label}
      </label>
      {!row.required && (
        <span id={ids.optional} class="badge field-choice__optional">
          optional
        </span>
      )}
      <div class="field-choice__detail">
        {row.ticked && row.value !== null && <ValuePreview id={ids.value} name={row.name} value={row.value} />}
        {row.ticked && row.value === null && (
          <FillInput
            name={row.name}
            label={row.label}
            value={row.fill}
            problem={row.problem}
            onInput={(value) => onFill(row.name, value)}
          />
        )}
        {!row.ticked && !row.required && <span class="muted">Not shared</span>}
        {warnUnticked && (
          <p id={ids.note} class="field-choice__note">
            The site asked for this; it may not work without it.
          </p>
        )}
      </div>
    </li>
  );
}
