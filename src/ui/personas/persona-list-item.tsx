// One persona in the list: choose it to edit, or move it up or down.
import type { Persona } from '../../shared/persona';
import type { Direction } from './use-persona-store';

interface Props {
  persona: Persona;
  selected: boolean;
  dirty: boolean;
  first: boolean;
  last: boolean;
  moving: boolean;
  onSelect: () => void;
  onMove: (direction: Direction) => void;
}

export const moveButtonId = (id: string, direction: Direction) => `move-${direction}-${id}`;

export function PersonaListItem({ persona, selected, dirty, first, last, moving, onSelect, onMove }: Props) {
  const { id, name } = persona;
  return (
    <li class={selected ? 'persona-item persona-item--selected' : 'persona-item'}>
      <button type="button" class="persona-item__select" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        {name}
      </button>
      {dirty && <span class="badge persona-item__badge">Unsaved</span>}
      <span class="persona-item__move">
        <button
          type="button"
          id={moveButtonId(id, 'up')}
          class="icon-button"
          aria-label={`Move ${name} up`}
          title="Move up"
          disabled={first || moving}
          onClick={() => onMove('up')}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          id={moveButtonId(id, 'down')}
          class="icon-button"
          aria-label={`Move ${name} down`}
          title="Move down"
          disabled={last || moving}
          onClick={() => onMove('down')}
        >
          <span aria-hidden="true">↓</span>
        </button>
      </span>
    </li>
  );
}
