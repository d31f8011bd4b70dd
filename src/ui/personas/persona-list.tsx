// The atSign's personas in the person's order: choose one to edit, move one
// up or down, or add one.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Persona } from '../../shared/persona';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { AddPersona } from './add-persona-form';
import { moveButtonId, PersonaListItem } from './persona-list-item';
import type { Direction } from './use-persona-store';

interface Props {
  personas: Persona[];
  selectedId: string | null;
  dirtyIds: Set<string>;
  /** what just happened to the list, for screen readers and eyes alike */
  announcement: string;
  onSelect: (id: string) => void;
  onMove: (id: string, direction: Direction) => Promise<void>;
  onAdd: (name: string) => Promise<void>;
}

export function PersonaList({ personas, selectedId, dirtyIds, announcement, onSelect, onMove, onAdd }: Props) {
  const { busy, error, submit } = useSubmit(onMove);
  const [moved, setMoved] = useState<{ id: string; direction: Direction } | null>(null);

  // Keep focus on the moved persona's button; at the top or bottom that one is
  // disabled, so the other direction takes it.
  useLayoutEffect(() => {
    if (!moved || busy) return;
    const { id, direction } = moved;
    const same = document.getElementById(moveButtonId(id, direction)) as HTMLButtonElement | null;
    const other = document.getElementById(moveButtonId(id, direction === 'up' ? 'down' : 'up'));
    (same && !same.disabled ? same : other)?.focus();
    setMoved(null);
  }, [moved, busy, personas]);

  const move = async (id: string, direction: Direction) => {
    if (await submit(id, direction)) setMoved({ id, direction });
  };

  return (
    <section class="persona-list" aria-label="Your personas">
      {personas.length === 0 ? (
        <p class="status empty">No personas yet. Add one to choose what sites may see.</p>
      ) : (
        <ol class="persona-items">
          {personas.map((persona, index) => (
            <PersonaListItem
              key={persona.id}
              persona={persona}
              selected={persona.id === selectedId}
              dirty={dirtyIds.has(persona.id)}
              first={index === 0}
              last={index === personas.length - 1}
              moving={busy}
              onSelect={() => onSelect(persona.id)}
              onMove={(direction) => void move(persona.id, direction)}
            />
          ))}
        </ol>
      )}
      <FormAlert error={error} />
      <FormStatus>{busy ? 'Moving…' : announcement}</FormStatus>
      <AddPersona names={personas.map((p) => p.name)} onAdd={onAdd} />
    </section>
  );
}
