// The wallet's own state for a page, and every change a page may ask for.
// A page's container uses this hook; the components below it get plain values
// and callbacks. A change that answers with the new WalletState is applied as
// is; the others are followed by a fresh wallet_getState.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import { takeEarly } from './early-calls';
import { ErrorCode, WalletError } from '../../shared/errors';
import type { ParamsOf, ResultOf } from '../../shared/methods';
import type { IdentitySummary, WalletState } from '../../shared/wallet-state';
import type { Loadable } from './use-call';

export type AutoLockMinutes = ParamsOf<'wallet_setAutoLock'>['minutes'];

export interface WalletActions {
  setup(passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;
  setAutoLock(minutes: AutoLockMinutes): Promise<void>;
  importAtKeys(content: string, fileName: string): Promise<IdentitySummary>;
  /** Activates a new atSign with its activation secret; the keys are made here. */
  activateAtSign(atSign: string, secret: string): Promise<IdentitySummary>;
  /** Asks the atSign's atServer to let this wallet in; resolves once the request waits for approval. */
  requestEnrollment(atSign: string, otp: string): Promise<ResultOf<'wallet_requestEnrollment'>>;
  /** Resolves with the atSign once an app that manages it approves. */
  awaitEnrollment(atSign: string): Promise<IdentitySummary>;
  cancelEnrollment(atSign: string): Promise<void>;
  exportAtKeys(atSign: string, passphrase: string): Promise<ResultOf<'wallet_exportAtKeys'>>;
  setActiveAtSign(atSign: string): Promise<void>;
  removeAtSign(atSign: string, passphrase: string): Promise<void>;
}

export interface Wallet {
  state: Loadable<WalletState>;
  reload: () => Promise<void>;
  actions: WalletActions;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useWallet(): Wallet {
  const [state, setState] = useState<Loadable<WalletState>>({ status: 'loading' });
  // Only the newest answer is shown, whichever call it came from.
  const latest = useRef(0);

  const apply = useCallback((value: WalletState) => {
    ++latest.current;
    setState({ status: 'ready', value });
  }, []);

  // Keeps what is on screen while it asks, so a reload never flashes "Loading".
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const value = await takeEarly('wallet_getState');
      if (ticket === latest.current) setState({ status: 'ready', value });
    } catch (error) {
      if (ticket === latest.current) setState({ status: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void reload();
    // The wallet may have locked itself while this tab was in the background.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      ++latest.current;
    };
  }, [reload]);

  const actions = useMemo<WalletActions>(() => {
    // A change refused because the wallet locked meanwhile: show the unlock form.
    const guard = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (error) {
        if (error instanceof WalletError && error.code === ErrorCode.Locked) void reload();
        throw error;
      }
    };
    const change = async (work: Promise<WalletState>) => apply(await guard(work));
    const add = async (work: Promise<IdentitySummary>) => {
      const identity = await guard(work);
      await reload();
      return identity;
    };
    return {
      setup: (passphrase) => change(call('wallet_setup', { passphrase })),
      unlock: (passphrase) => change(call('wallet_unlock', { passphrase })),
      lock: () => change(call('wallet_lock')),
      changePassphrase: (current, next) => change(call('wallet_changePassphrase', { current, next })),
      setAutoLock: (minutes) => change(call('wallet_setAutoLock', { minutes })),
      importAtKeys: (content, fileName) => add(call('wallet_importAtKeys', { content, fileName })),
      activateAtSign: (atSign, secret) => add(call('wallet_activateAtSign', { atSign, secret })),
      requestEnrollment: (atSign, otp) => guard(call('wallet_requestEnrollment', { atSign, otp })),
      awaitEnrollment: (atSign) => add(call('wallet_awaitEnrollment', { atSign })),
      cancelEnrollment: async (atSign) => void (await guard(call('wallet_cancelEnrollment', { atSign }))),
      exportAtKeys: (atSign, passphrase) => guard(call('wallet_exportAtKeys', { atSign, passphrase })),
      setActiveAtSign: (atSign) => change(call('wallet_setActiveAtSign', { atSign })),
      removeAtSign: (atSign, passphrase) => change(call('wallet_removeAtSign', { atSign, passphrase })),
    };
  }, [apply, reload]);

  return { state, reload, actions };
}
