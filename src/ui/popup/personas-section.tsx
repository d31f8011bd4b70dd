// The "Personas" section: the active atSign's personas by name, and the way
// to the page where they are edited. It renders the state it is given.
import type { Persona } from '../../shared/persona';
import type { Loadable } from '../shared/use-call';

interface Props {
  personas: Loadable<Persona[]>;
  onRetry: () => void;
  onEdit: () => void;
}

export function PersonasSection({ personas, onRetry, onEdit }: Props) {
  return (
    <section class="section" aria-labelledby="personas-heading" aria-busy={personas.status === 'loading'}>
      {/* The heading and its action share a row, as in the header. */}
      <div class="app-header__row">
        <h2 id="personas-heading">Personas</h2>
        <button type="button" class="button button--secondary button--small" onClick={onEdit}>
          Edit personas
        </button>
      </div>
      <PersonasBody personas={personas} onRetry={onRetry} />
    </section>
  );
}

function PersonasBody({ personas, onRetry }: { personas: Loadable<Persona[]>; onRetry: () => void }) {
  switch (personas.status) {
    case 'loading':
      return (
        <p class="status" role="status">
          Loading your personas…
        </p>
      );
    case 'error':
      return (
        <div class="status status--error" role="alert">
          <p>Your personas could not be loaded.</p>
          <p class="status__detail">{personas.message}</p>
          <button type="button" class="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
    case 'ready':
      if (personas.value.length === 0) return <p class="status empty">No personas yet.</p>;
      return (
        <ul class="chips persona-names" aria-label="Your personas">
          {personas.value.map((persona) => (
            <li key={persona.id} class="chip">
              {persona.name}
            </li>
          ))}
        </ul>
      );
  }
}
