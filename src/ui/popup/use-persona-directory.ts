// The personas of every atSign the popup shows, each atSign's list loaded
// once: the Sites list names each grant's persona and offers the others of
// its atSign without a call per row, and the Personas tab reads the same list.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import type { Persona } from '../../shared/persona';
import { messageOf } from '../shared/is-locked-error';
import type { Loadable } from '../shared/use-call';

export interface PersonaDirectory {
  /** the atSign's personas in the person's order */
  get(atSign: string): Loadable<Persona[]>;
  reload(atSign: string): void;
}

const LOADING: Loadable<Persona[]> = { status: 'loading' };
const inOrder = (list: Persona[]) => [...list].sort((a, b) => a.order - b.order);

/** Pass null while the wallet is locked: nothing is asked, and what was known is dropped. */
export function usePersonaDirectory(atSigns: readonly string[] | null): PersonaDirectory {
  const [lists, setLists] = useState<ReadonlyMap<string, Loadable<Persona[]>>>(new Map());
  // The newest request per atSign; an older answer for it is dropped.
  const tickets = useRef(new Map<string, number>());
  const counter = useRef(0);

  const reload = useCallback((atSign: string) => {
    const ticket = ++counter.current;
    tickets.current.set(atSign, ticket);
    const settle = (value: Loadable<Persona[]>) => {
      if (tickets.current.get(atSign) === ticket) setLists((old) => new Map(old).set(atSign, value));
    };
    settle(LOADING);
    call('wallet_listPersonas', { atSign }).then(
      (list) => settle({ status: 'ready', value: inOrder(list) }),
      (error: unknown) => settle({ status: 'error', message: messageOf(error) }),
    );
  }, []);

  // A stable key, so a new array with the same atSigns asks nothing.
  const key = atSigns === null ? null : [...new Set(atSigns)].sort().join('\n');
  useEffect(() => {
    if (key === null) {
      tickets.current.clear();
      setLists(new Map());
      return;
    }
    for (const atSign of key.split('\n')) {
      if (atSign && !tickets.current.has(atSign)) reload(atSign);
    }
  }, [key, reload]);

  useEffect(() => () => tickets.current.clear(), []);

  const get = useCallback((atSign: string) => lists.get(atSign) ?? LOADING, [lists]);
  return { get, reload };
}
