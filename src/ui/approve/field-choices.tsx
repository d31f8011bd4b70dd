// The fields the site asked for, each to tick or untick, with what it would see.
import type { FieldRow } from './choices';
import { FieldChoice } from './field-choice';

interface Props {
  host: string;
  rows: FieldRow[];
  disabled: boolean;
  onTick: (name: string, ticked: boolean) => void;
  onFill: (name: string, value: string) => void;
}

export function FieldChoices({ host, rows, disabled, onTick, onFill }: Props) {
  if (rows.length === 0) {
    return <p class="note">The site asks for no details: it would know only your atSign.</p>;
  }
  return (
    <fieldset class="plain field-choices">
      <legend>
        What <bdi>{host}</bdi> will see
      </legend>
      <ul class="field-choices__list">
        {rows.map((row) => (
          <FieldChoice key={row.name} row={row} disabled={disabled} onTick={onTick} onFill={onFill} />
        ))}
      </ul>
    </fieldset>
  );
}
