// How the wallet stands with each atSign's atServer, as the popup shows it.
// Nothing secret: states, times, and sentences for a person.

export type AtServerStatus =
  /** The wallet is locked: no keys in memory, so no connection. */
  | { state: 'locked' }
  | { state: 'connecting' }
  | {
      state: 'online';
      /** 'host:port' of the atServer */
      address: string;
      /** ms since epoch */
      since: number;
    }
  /** Not connected now; the wallet tries again at `retryAt` (ms since epoch). */
  | { state: 'offline'; problem: OfflineProblem; message: string; retryAt: number }
  /** The atServer turned this wallet away; trying again would not help. */
  | { state: 'refused'; problem: RefusedProblem; message: string };

export type OfflineProblem =
  /** The root does not know the atSign. */
  | 'not-found'
  /** The root could not be asked. */
  | 'root-unreachable'
  /** The atServer could not be reached, or the connection dropped. */
  | 'unreachable'
  /** The enrollment waits for the person's approval in another app. */
  | 'pending';

export type RefusedProblem =
  /** The atServer does not accept this wallet's PKAM key. */
  | 'keys-refused'
  | 'enrollment-denied'
  | 'enrollment-revoked'
  | 'enrollment-expired';

/** How an atSign's personas stand with its atServer. */
export interface PersonaSyncStatus {
  /** When a sync last finished (ms since epoch); null if never. */
  lastSyncedAt: number | null;
  /** Edits made in this wallet that have not reached the atServer yet. */
  waiting: number;
  /** The last sync's trouble, in words; null when it went well. */
  problem: string | null;
}
