// The sites the person has let in, and every change the popup makes to them.
// Each change answers with the whole new list, which replaces the old one as
// is: nothing is fetched twice and nothing is patched by hand.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import type { SiteAccess } from '../../shared/grant';
import type { ParamsOf } from '../../shared/methods';
import { takeEarly } from '../shared/early-calls';
import { isLockedError, messageOf } from '../shared/is-locked-error';
import type { Loadable } from '../shared/use-call';

export type GrantDuration = NonNullable<ParamsOf<'wallet_updateGrant'>['duration']>;

export interface SiteActions {
  revoke(origin: string): Promise<void>;
  removeField(origin: string, field: string): Promise<void>;
  setPersona(origin: string, personaId: string): Promise<void>;
  setDuration(origin: string, duration: GrantDuration): Promise<void>;
}

export interface Sites {
  grants: Loadable<SiteAccess[]>;
  reload: () => void;
  actions: SiteActions;
}

/** `onLocked` is told when a change was refused because the wallet locked meanwhile. */
export function useSites(onLocked: () => void): Sites {
  const [grants, setGrants] = useState<Loadable<SiteAccess[]>>({ status: 'loading' });
  // Only the newest answer is shown, whichever call it came from.
  const latest = useRef(0);

  // Keeps the list on screen while it asks again, so a reload never flashes "Loading".
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    takeEarly('wallet_listGrants').then(
      (value) => ticket === latest.current && setGrants({ status: 'ready', value }),
      (error: unknown) => ticket === latest.current && setGrants({ status: 'error', message: messageOf(error) }),
    );
  }, []);

  useEffect(() => {
    reload();
    // Opened as a tab, the popup may sit behind a site that just connected.
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      ++latest.current;
    };
  }, [reload]);

  const actions = useMemo<SiteActions>(() => {
    const change = async (work: Promise<SiteAccess[]>) => {
      try {
        const value = await work;
        ++latest.current;
        setGrants({ status: 'ready', value });
      } catch (error) {
        if (isLockedError(error)) onLocked();
        throw error;
      }
    };
    return {
      revoke: (origin) => change(call('wallet_revokeGrant', { origin })),
      removeField: (origin, removeField) => change(call('wallet_updateGrant', { origin, removeField })),
      setPersona: (origin, personaId) => change(call('wallet_updateGrant', { origin, personaId })),
      setDuration: (origin, duration) => change(call('wallet_updateGrant', { origin, duration })),
    };
  }, [onLocked]);

  return { grants, reload, actions };
}
