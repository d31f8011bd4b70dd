// The personas of one atSign, loaded for rendering, in the person's order.
// Pass null while there is nothing to load (locked, no atSign); a new atSign
// loads afresh. A change the background answers with a new list is applied
// with `replace`, so nothing is fetched twice.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
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

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    if (atSign === null) return;
    setPersonas({ status: 'loading' });
    call('wallet_listPersonas', { atSign }).then(
      (list) => ticket === latest.current && setPersonas({ status: 'ready', value: inOrder(list) }),
      (error: unknown) =>
        ticket === latest.current &&
        setPersonas({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [atSign]);

  const replace = useCallback((next: Persona[]) => {
    ++latest.current;
    setPersonas({ status: 'ready', value: inOrder(next) });
  }, []);

  useEffect(() => {
    reload();
    return () => void ++latest.current;
  }, [reload]);

  return { personas, reload, replace };
}
