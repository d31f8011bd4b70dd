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

  /** Removes every grant made with an atSign; returns what was removed. */
  removeByAtSign(atSign: string): Promise<Grant[]> {
    return this.removeWhere('atSign', atSign);
  }

  /** Removes every grant of a persona; returns what was removed. */
  removeByPersona(personaId: string): Promise<Grant[]> {
    return this.removeWhere('personaId', personaId);
  }

  byPersona(personaId: string): Promise<Grant[]> {
    return this.db.grants.where('personaId').equals(personaId).toArray();
  }

  private removeWhere(index: 'atSign' | 'personaId', value: string): Promise<Grant[]> {
    return this.db.transaction('rw', this.db.grants, async () => {
      const removed = await this.db.grants.where(index).equals(value).toArray();
      await this.db.grants.bulkDelete(removed.map((g) => g.id));
      return removed;
    });
  }

  async list(): Promise<Grant[]> {
    return this.db.grants.orderBy('origin').toArray();
  }
}
