// Methods for the wallet's own pages: the vault and the atSigns in it.
import * as s from '../schema';
import { AUTO_LOCK_CHOICES, type IdentitySummary, type WalletState } from '../wallet-state';
import { atSign, newPassphrase, passphrase } from './params';

export const walletMethods = {
  /** Everything the popup and onboarding show about the wallet itself. */
  wallet_getState: { caller: 'ui', permission: 'none', params: s.none(), result: s.type<WalletState>() },
  /** Sets the passphrase of a new wallet; refused once one exists. */
  wallet_setup: {
    caller: 'ui',
    permission: 'none',
    params: s.object({ passphrase: newPassphrase }),
    result: s.type<WalletState>(),
  },
  wallet_unlock: {
    caller: 'ui',
    permission: 'none',
    params: s.object({ passphrase }),
    result: s.type<WalletState>(),
  },
  wallet_lock: { caller: 'ui', permission: 'none', params: s.none(), result: s.type<WalletState>() },
  wallet_changePassphrase: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ current: passphrase, next: newPassphrase }),
    result: s.type<WalletState>(),
  },
  wallet_setAutoLock: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ minutes: s.literal(...AUTO_LOCK_CHOICES) }),
    result: s.type<WalletState>(),
  },
  /** Reads a .atKeys file's text; a file that is not right is refused whole. */
  wallet_importAtKeys: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ content: s.string({ max: 1_048_576 }), fileName: s.optional(s.string({ max: 255 })) }),
    result: s.type<IdentitySummary>(),
  },
  /** Makes a new atSign's keys, as the atPlatform's onboarding does, plus its signing key. */
  wallet_createAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSign }),
    result: s.type<IdentitySummary>(),
  },
  /** The .atKeys file of an atSign; the passphrase is asked again. */
  wallet_exportAtKeys: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSign, passphrase }),
    result: s.type<{ fileName: string; content: string }>(),
  },
  wallet_setActiveAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSign }),
    result: s.type<WalletState>(),
  },
  /** Removes an atSign and revokes every grant made with it; the passphrase is asked again. */
  wallet_removeAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSign, passphrase }),
    result: s.type<WalletState>(),
  },
} as const;
