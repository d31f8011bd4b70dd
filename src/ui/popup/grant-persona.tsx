// Which persona a site sees, as a choice among the personas of the grant's
// atSign (a site never moves to another atSign).
import type { Persona } from '../../shared/persona';
import type { Loadable } from '../shared/use-call';

interface Props {
  id: string;
  origin: string;
  personaId: string;
  personas: Loadable<Persona[]>;
  onChoose: (personaId: string) => void;
}

export function GrantPersona({ id, origin, personaId, personas, onChoose }: Props) {
  const label = `Persona for ${origin}`;
  if (personas.status !== 'ready') {
    return (
      <select id={id} class="input select grant__select" aria-label={label} disabled>
        <option>{personas.status === 'loading' ? 'Loading…' : 'Personas could not be loaded'}</option>
      </select>
    );
  }
  const known = personas.value.some((persona) => persona.id === personaId);
  return (
    <select
      id={id}
      class="input select grant__select"
      aria-label={label}
      value={personaId}
      onChange={(event) => onChoose(event.currentTarget.value)}
    >
      {!known && <option value={personaId}>A persona that is gone</option>}
      {personas.value.map((persona) => (
        <option key={persona.id} value={persona.id}>
          {persona.name}
        </option>
      ))}
    </select>
  );
}
