// How long the site keeps access before the wallet takes it back by itself.
import { DURATIONS, type Duration } from '../../shared/approval';

interface Props {
  value: Duration;
  disabled: boolean;
  onChange: (value: Duration) => void;
}

export function DurationChoice({ value, disabled, onChange }: Props) {
  return (
    <fieldset class="plain duration">
      <legend>How long</legend>
      <div class="duration__options">
        {DURATIONS.map((choice) => (
          <label key={choice.value} class="duration__option">
            <input
              type="radio"
              name="duration"
              value={choice.value}
              checked={value === choice.value}
              disabled={disabled}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
