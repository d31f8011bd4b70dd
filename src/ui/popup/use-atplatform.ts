// The atPlatform settings and each atSign's connection, asked again every
// second while shown so the status stays current; every change answers with
// the whole new view, which replaces the old one.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import type { AtPlatformView } from '../../shared/methods/atplatform';
import { isLockedError, messageOf } from '../shared/is-locked-error';
import { saveRoot } from '../shared/save-root';
import type { Loadable } from '../shared/use-call';

export interface AtPlatformActions {
  setRoot(root: string): Promise<void>;
  setAddress(atSign: string, address: string | null): Promise<void>;
  reconnect(atSign: string): Promise<void>;
}

const REFRESH_MS = 1_000;

/**
 * Asks only while `shown`. `onLocked` is told when a change was refused
 * because the wallet locked meanwhile.
 */
export function useAtPlatform(shown: boolean, onLocked: () => void): { view: Loadable<AtPlatformView>; actions: AtPlatformActions } {
  const [view, setView] = useState<Loadable<AtPlatformView>>({ status: 'loading' });
  const latest = useRef(0);

  const show = useCallback((value: AtPlatformView) => {
    ++latest.current;
    setView({ status: 'ready', value });
  }, []);

  useEffect(() => {
    if (!shown) return;
    let stopped = false;
    const load = () => {
      const ticket = ++latest.current;
      call('wallet_getAtPlatform').then(
        (value) => !stopped && ticket === latest.current && setView({ status: 'ready', value }),
        (error: unknown) => !stopped && ticket === latest.current && setView({ status: 'error', message: messageOf(error) }),
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [shown]);

  const change = useCallback(
    async (task: Promise<AtPlatformView>) => {
      try {
        show(await task);
      } catch (error) {
        if (isLockedError(error)) onLocked();
        throw error;
      }
    },
    [show, onLocked],
  );

  const actions: AtPlatformActions = {
    setRoot: (root) => change(saveRoot(root)),
    setAddress: (atSign, address) => change(call('wallet_setAtServerAddress', { atSign, address })),
    reconnect: (atSign) => change(call('wallet_reconnectAtServer', { atSign })),
  };
  return { view, actions };
}
