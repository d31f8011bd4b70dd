// The persona manager: the active atSign's personas, each one's fields, and
// their order. This is the one component of the page that talks to the
// background (through useWallet and usePersonaStore); everything below it
// renders what it is handed and reports back through callbacks.
import { useState } from 'preact/hooks';
import type { Persona } from '../../shared/persona';
import { LoadStatus } from '../shared/load-status';
import { openOnboarding } from '../shared/open-onboarding';
import { UnlockForm } from '../shared/unlock-form';
import { useWallet } from '../shared/use-wallet';
import { isolate } from '../shared/words';
import { NoAtSign } from './no-atsign';
import { PageHeader } from '../shared/page-header';
import { PersonasView } from './personas-view';
import { usePersonaStore } from './use-persona-store';

export function App() {
  const { state, reload, actions } = useWallet();
  const wallet = state.status === 'ready' ? state.value : null;
  const atSign = wallet?.unlocked ? wallet.activeAtSign : null;
  const store = usePersonaStore(atSign, reload);
  const [announcement, setAnnouncement] = useState('');
  // Focus goes to the editor when the person opens a persona, not when the page loads.
  const [focusEditor, setFocusEditor] = useState(false);

  const select = (id: string) => {
    setFocusEditor(true);
    setAnnouncement('');
    store.select(id);
  };
  const add = async (name: string) => {
    await store.add(name);
    setFocusEditor(true);
    setAnnouncement(`Added ${isolate(name)}.`);
  };
  const remove = async (persona: Persona) => {
    await store.remove(persona.id);
    setFocusEditor(true);
    setAnnouncement(`Deleted ${isolate(persona.name)}. Sites that used it no longer have access.`);
  };

  let body;
  if (!wallet) {
    body = <LoadStatus error={state.status === 'error' ? state.message : undefined} onRetry={() => void reload()} />;
  } else if (wallet.initialized && !wallet.unlocked) {
    body = <UnlockForm onUnlock={actions.unlock} />;
  } else if (!wallet.initialized || wallet.identities.length === 0 || !wallet.activeAtSign) {
    body = (
      <NoAtSign
        initialized={wallet.initialized}
        noneActive={wallet.identities.length > 0}
        onOpenOnboarding={() => void openOnboarding()}
      />
    );
  } else {
    const { personas } = store;
    body = (
      <section class="personas-page" aria-labelledby="personas-heading" aria-busy={personas.status === 'loading'}>
        <h2 id="personas-heading">Personas of {wallet.activeAtSign}</h2>
        <p class="lead">
          A persona is what one group of sites may see about you. When a site asks to connect, you choose a persona and
          which of its fields the site gets.
        </p>
        {personas.status === 'ready' ? (
          <PersonasView
            personas={personas.value}
            store={store}
            announcement={announcement}
            focusEditor={focusEditor}
            onSelect={select}
            onAdd={add}
            onDelete={remove}
          />
        ) : (
          <LoadStatus error={personas.status === 'error' ? personas.message : undefined} onRetry={store.reload} />
        )}
      </section>
    );
  }

  return (
    <>
      <PageHeader variant="personas-header" wallet={wallet} onLock={() => void actions.lock().catch(reload)} />
      <main class="personas-main">{body}</main>
    </>
  );
}
