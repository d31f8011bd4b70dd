import type { ActivityKind } from '@/src/shared/activity';
import type { LogSealed } from '../activity/log-crypto';
import type { Sealed } from '../vault/sealing';
import type { WalletDatabase } from './database';

/** One entry: when and what kind in the clear (for paging and filters), the rest encrypted. */
export interface ActivityRecord {
  id?: number;
  at: number;
  kind: ActivityKind;
  sealed: LogSealed;
}

/** The log's key pair: the public half in the clear, the private half sealed with the vault key. */
export interface LogKeyRecord {
  id: 'activity';
  publicKey: Uint8Array<ArrayBuffer>;
  privateKey: Sealed;
}

export class ActivityRepo {
  constructor(private readonly db: WalletDatabase) {}

  /** Adds entries in one transaction, in order. */
  async addAll(records: ActivityRecord[]): Promise<void> {
    await this.db.activity.bulkAdd(records);
  }

  /** Newest first, older than `before` (an id), at most `limit`. */
  page(options: { before?: number; limit: number; kind?: ActivityKind }): Promise<ActivityRecord[]> {
    const { before = Infinity, limit, kind } = options;
    const older = this.db.activity.where('id').below(before).reverse();
    return (kind ? older.filter((r) => r.kind === kind) : older).limit(limit).toArray();
  }

  keys(): Promise<LogKeyRecord | undefined> {
    return this.db.keyring.get('activity');
  }

  async putKeys(record: LogKeyRecord): Promise<void> {
    await this.db.keyring.put(record);
  }
}
