import type { Grant } from '@/src/shared/grant';
import type { WalletDatabase } from './database';

export class GrantsRepo {
  constructor(private readonly db: WalletDatabase) {}

  /** The origin's grant if it is still in force at `now`. */
  async findActive(origin: string, now: number): Promise<Grant | null> {
    const grant = await this.db.grants.where('origin').equals(origin).first();
    if (!grant || (grant.expiresAt !== null && grant.expiresAt <= now)) return null;
    return grant;
  }

  async list(): Promise<Grant[]> {
    return this.db.grants.orderBy('origin').toArray();
  }
}
