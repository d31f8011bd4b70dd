// The list and the editor side by side (stacked on narrow screens), for the
// personas the page has loaded. Renders what it is handed.
import type { Persona } from '../../shared/persona';
import { draftFrom } from './draft';
import { PersonaEditor } from './persona-editor';
import { PersonaList } from './persona-list';
import type { PersonaStore } from './use-persona-store';

interface Props {
  personas: Persona[];
  store: PersonaStore;
  announcement: string;
  focusEditor: boolean;
  onSelect: (id: string) => void;
  onAdd: (name: string) => Promise<void>;
  onDelete: (persona: Persona) => Promise<void>;
}

export function PersonasView({ personas, store, announcement, focusEditor, onSelect, onAdd, onDelete }: Props) {
  const { selected } = store;
  return (
    <div class="personas-layout">
      <PersonaList
        personas={personas}
        selectedId={selected?.id ?? null}
        dirtyIds={store.dirtyIds}
        announcement={announcement}
        onSelect={onSelect}
        onMove={store.move}
        onAdd={onAdd}
      />
      {selected && (
        <PersonaEditor
          key={selected.id}
          persona={selected}
          draft={store.draftOf(selected) ?? draftFrom(selected)}
          otherNames={personas.filter((p) => p.id !== selected.id).map((p) => p.name)}
          dirty={store.dirtyIds.has(selected.id)}
          sites={store.sitesUsing(selected.id)}
          focusOnOpen={focusEditor}
          onDraft={(draft) => store.setDraft(selected.id, draft)}
          onSave={(params) => store.save(selected.id, params)}
          onDiscard={() => store.discard(selected.id)}
          onDelete={() => onDelete(selected)}
        />
      )}
    </div>
  );
}
