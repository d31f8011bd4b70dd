// How long a site keeps access: the end as it stands, and a choice that
// starts a new span from now. The choice rests on "Change…", so picking the
// same span again (another hour) still counts.
import { DURATIONS } from '../../shared/approval';
import type { GrantDuration } from './use-sites';

const CHOICES = DURATIONS.filter((d): d is (typeof DURATIONS)[number] & { value: GrantDuration } => d.value !== 'once');

interface Props {
  id: string;
  origin: string;
  text: string;
  expired: boolean;
  onChoose: (duration: GrantDuration) => void;
}

export function GrantExpiry({ id, origin, text, expired, onChoose }: Props) {
  const textId = `${id}-now`;
  return (
    <div class="grant__expiry">
      <span id={textId} class={expired ? 'expired' : undefined}>
        {text}
      </span>
      <select
        id={id}
        class="input select grant__select"
        aria-label={`Access for ${origin}`}
        aria-describedby={textId}
        value=""
        onChange={(event) => {
          const choice = CHOICES.find((c) => c.value === event.currentTarget.value);
          if (choice) onChoose(choice.value);
        }}
      >
        <option value="" disabled>
          Change…
        </option>
        {CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
