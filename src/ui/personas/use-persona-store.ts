// Everything the persona page knows and may change: the active atSign's
// personas, the sites that use each, the person's unsaved edits (kept per
// persona, so choosing another one loses nothing) and the calls that change
// them. Each change applies the list the background answers with.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import { ErrorCode, WalletError } from '../../shared/errors';
import type { Persona } from '../../shared/persona';
import { useCall } from '../shared/use-call';
import { usePersonas } from '../shared/use-personas';
import { isDirty, type Draft, type SaveParams } from './draft';

export type Direction = 'up' | 'down';

export function usePersonaStore(atSign: string | null, reloadWallet: () => Promise<void>) {
  const { personas, reload, replace } = usePersonas(atSign);
  const [grants, reloadGrants] = useCall('wallet_listGrants');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = personas.status === 'ready' ? personas.value : [];
  const selected = list.find((p) => p.id === chosenId) ?? list[0] ?? null;

  const dirtyIds = useMemo(
    () => new Set(list.filter((p) => drafts[p.id] && isDirty(drafts[p.id]!, p)).map((p) => p.id)),
    [list, drafts],
  );

  // Closing the tab with edits not saved asks first. The listener reads what
  // was last rendered, so a page left right after a save is not held back.
  const anyDirty = useRef(false);
  anyDirty.current = dirtyIds.size > 0;
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (anyDirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);

  // A change refused because the wallet locked meanwhile: show the unlock form; the edits stay.
  const guard = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof WalletError && error.code === ErrorCode.Locked) void reloadWallet();
      throw error;
    }
  };

  const forget = (id: string) => setDrafts(({ [id]: _dropped, ...rest }) => rest);

  const withAtSign = () => {
    if (!atSign) throw new Error('Add an atSign to the wallet first.');
    return atSign;
  };

  return {
    personas,
    reload,
    selected,
    dirtyIds,
    draftOf: (persona: Persona): Draft | undefined => drafts[persona.id],
    /** origins of the sites that use a persona, or null while they are not known */
    sitesUsing: (id: string): string[] | null =>
      grants.status === 'ready' ? grants.value.filter((g) => g.personaId === id).map((g) => g.origin) : null,
    select: (id: string) => setChosenId(id),
    setDraft: (id: string, draft: Draft) => setDrafts((all) => ({ ...all, [id]: draft })),
    discard: forget,
    async add(name: string): Promise<void> {
      const persona = await guard(call('wallet_savePersona', { atSign: withAtSign(), name, fields: {}, labels: {} }));
      replace([...list, persona]);
      setChosenId(persona.id);
    },
    async save(id: string, params: SaveParams): Promise<void> {
      const persona = await guard(call('wallet_savePersona', { id, atSign: withAtSign(), ...params }));
      replace(list.map((p) => (p.id === persona.id ? persona : p)));
      forget(id);
    },
    async remove(id: string): Promise<void> {
      const index = list.findIndex((p) => p.id === id);
      const next = await guard(call('wallet_deletePersona', { id }));
      replace(next);
      forget(id);
      // The one below takes its place, as in any list.
      setChosenId(next[Math.min(index, next.length - 1)]?.id ?? null);
      reloadGrants();
    },
    async move(id: string, direction: Direction): Promise<void> {
      const ids = list.map((p) => p.id);
      const from = ids.indexOf(id);
      const to = direction === 'up' ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      replace(await guard(call('wallet_reorderPersonas', { atSign: withAtSign(), ids })));
    },
  };
}

export type PersonaStore = ReturnType<typeof usePersonaStore>;
