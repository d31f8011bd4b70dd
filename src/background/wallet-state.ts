import type { WalletState } from '@/src/shared/wallet-state';
import { toSummary } from './db/identities-repo';
import type { Services } from './services';

export async function walletState({ vault, identities, settings }: Services): Promise<WalletState> {
  const [initialized, unlocked, autoLockMinutes, activeAtSign, records] = await Promise.all([
    vault.initialized(),
    vault.isUnlocked(),
    settings.get('autoLockMinutes'),
    settings.get('activeAtSign'),
    identities.list(),
  ]);
  return { initialized, unlocked, autoLockMinutes, activeAtSign, identities: records.map(toSummary) };
}
