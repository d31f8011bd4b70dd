// Methods for the wallet's own pages about the atPlatform: where the wallet
// finds atServers, and how each atSign's connection stands.
import type { AtServerStatus, PersonaSyncStatus } from '../atserver-status';
import * as s from '../schema';
import type { IdentitySummary } from '../wallet-state';
import { atSign } from './params';

export interface AtPlatformView {
  /** The root directory, an https origin. */
  root: string;
  atSigns: Array<{
    atSign: string;
    /** 'host:port' the person gave for this atSign's atServer, or null to ask the root. */
    address: string | null;
    status: AtServerStatus;
    /** The personas' sync with that atServer. */
    personas: PersonaSyncStatus;
  }>;
}

// Checked by the handlers, which explain what is wrong.
const root = s.string({ min: 1, max: 300 });
const address = s.string({ min: 1, max: 300 });

export const atPlatformMethods = {
  /** Asked over and over while the popup is open: it does not put off auto-lock. */
  wallet_getAtPlatform: { caller: 'ui', permission: 'none', passive: true, params: s.none(), result: s.type<AtPlatformView>() },
  wallet_setAtPlatformRoot: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ root }),
    result: s.type<AtPlatformView>(),
  },
  /** `address: null` goes back to asking the root. */
  wallet_setAtServerAddress: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign, address: s.nullable(address) }),
    result: s.type<AtPlatformView>(),
  },
  /** Tries to connect now instead of waiting for the next attempt. */
  wallet_reconnectAtServer: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign }),
    result: s.type<AtPlatformView>(),
  },
  /**
   * Asks the atSign's atServer to let this wallet in (APKAM), with a one-time
   * code from an app that manages the atSign; answers once the request waits
   * for that app's approval.
   */
  wallet_requestEnrollment: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign, otp: s.string({ min: 1, max: 64 }) }),
    result: s.type<PendingEnrollmentView>(),
  },
  /** Waits (minutes, if need be) for the decision; the atSign once approved. */
  wallet_awaitEnrollment: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign }),
    result: s.type<IdentitySummary>(),
  },
  /**
   * Activates a new atSign with the secret its registrar gave: the wallet
   * makes its keys and registers them on its atServer (CRAM).
   */
  wallet_activateAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign, secret: s.string({ min: 1, max: 512 }) }),
    result: s.type<IdentitySummary>(),
  },
  wallet_cancelEnrollment: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign }),
    result: s.type<null>(),
  },
} as const;

export interface PendingEnrollmentView {
  atSign: string;
  enrollmentId: string;
  /** How the request names this wallet to the approving app. */
  deviceName: string;
}
