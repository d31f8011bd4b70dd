// The personas of one atSign, loaded for rendering, in the person's order.
// Pass null while there is nothing to load (locked, no atSign); a new atSign
// loads afresh. A change the background answers with a new list is applied
// with `replace`, so nothing is fetched twice. When another wallet's edit
// arrives, the background says so and the list is read again in place.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NS } from '../../shared/protocol';
import { call } from '../client';
import type { Persona } from '../../shared/persona';
import type { Loadable } from './use-call';

export interface PersonaList {
  personas: Loadable<Persona[]>;
  reload: () => void;
  replace: (next: Persona[]) => void;
}

const inOrder = (list: Persona[]) => [...list].sort((a, b) => a.order - b.order);

export function usePersonas(atSign: string | null): PersonaList {
  const [personas, setPersonas] = useState<Loadable<Persona[]>>({ status: 'loading' });
  // Only the newest answer is kept, whichever atSign it was for.
  const latest = useRef(0);

  /** `quietly`: the list on screen stays until the new one is there. */
  const load = useCallback((quietly: boolean) => {
    const ticket = ++latest.current;
    if (atSign === null) return;
    if (!quietly) setPersonas({ status: 'loading' });
    call('wallet_listPersonas', { atSign }).then(
      (list) => ticket === latest.current && setPersonas({ status: 'ready', value: inOrder(list) }),
      (error: unknown) =>
        ticket === latest.current &&
        setPersonas({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [atSign]);
  const reload = useCallback(() => load(false), [load]);

  const replace = useCallback((next: Persona[]) => {
    ++latest.current;
    setPersonas({ status: 'ready', value: inOrder(next) });
  }, []);

  useEffect(() => {
    reload();
    return () => void ++latest.current;
  }, [reload]);

  useEffect(() => {
    const onMessage = (message: unknown) => {
      const notice = message as { ns?: unknown; kind?: unknown; atSign?: unknown } | null;
      if (notice?.ns === NS && notice.kind === 'personasChanged' && notice.atSign === atSign) load(true);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [atSign, load]);

  return { personas, reload, replace };
}
