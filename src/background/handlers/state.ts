import { refreshLinks } from '../atplatform/wallet-links';
import { walletState } from '../wallet-state';
import type { Handler } from './types';

export const getState: Handler<'wallet_getState'> = async (_ctx, services) => walletState(services);

export const setup: Handler<'wallet_setup'> = async ({ params }, services) => {
  await services.vault.setup(params.passphrase);
  await services.activity.ensureKeys();
  await services.autoLock.touch(true);
  await refreshLinks(services);
  return walletState(services);
};

export const unlock: Handler<'wallet_unlock'> = async ({ params }, services) => {
  await services.vault.unlock(params.passphrase);
  await services.autoLock.touch(true);
  await refreshLinks(services);
  return walletState(services);
};

export const lock: Handler<'wallet_lock'> = async (_ctx, services) => {
  await services.vault.lock();
  return walletState(services);
};

export const changePassphrase: Handler<'wallet_changePassphrase'> = async ({ params }, services) => {
  await services.vault.changePassphrase(params.current, params.next);
  return walletState(services);
};

export const setAutoLock: Handler<'wallet_setAutoLock'> = async ({ params }, services) => {
  await services.settings.set('autoLockMinutes', params.minutes);
  await services.autoLock.touch(true);
  return walletState(services);
};
