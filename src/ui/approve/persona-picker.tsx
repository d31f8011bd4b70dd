// Which face of the person the site gets: the atSign it will know them by,
// and the persona whose values it will see.
import type { Persona } from '../../shared/persona';

interface Props {
  /** shown as "Sharing as …"; left out where the window already says who signs in */
  atSign?: string;
  personas: Persona[];
  chosen: Persona;
  disabled: boolean;
  onChoose: (personaId: string) => void;
}

export function PersonaPicker({ atSign, personas, chosen, disabled, onChoose }: Props) {
  return (
    <div class="persona-picker">
      {atSign && (
        <p class="persona-picker__as">
          Sharing as <strong class="persona-picker__atsign">{atSign}</strong>
        </p>
      )}
      <div class="field">
        <label for="persona">Persona</label>
        <select
          id="persona"
          class="input select"
          value={chosen.id}
          disabled={disabled}
          onChange={(event) => onChoose(event.currentTarget.value)}
        >
          {personas.map((persona) => (
            <option key={persona.id} value={persona.id}>
              {persona.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
