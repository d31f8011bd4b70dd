import type { Grant } from '@/src/shared/grant';
import type { WalletDatabase } from './database';
import { ReadCache } from './read-cache';

export class GrantsRepo {
  /** Every page call looks its site's grant up. */
  private readonly cache = new ReadCache<string, Grant>();
  /** Every time the popup opens it lists them all; a thousand take the worker ~15 ms to read. */
  private readonly all = new ReadCache<'all', readonly Grant[]>();

  constructor(private readonly db: WalletDatabase) {}

  private write<T>(change: () => Promise<T>): Promise<T> {
    return this.cache.write(() => this.all.write(change));
  }

  /** The origin's grant if it is still in force at `now`. */
  async findActive(origin: string, now: number): Promise<Grant | null> {
    const grant = await this.byOrigin(origin);
    if (!grant || (grant.expiresAt !== null && grant.expiresAt <= now)) return null;
    return grant;
  }

  /** The origin's grant, in force or not. */
  async byOrigin(origin: string): Promise<Grant | undefined> {
    return this.cache.read(origin, () => this.db.grants.where('origin').equals(origin).first());
  }

  /** Stores a site's grant in place of any it had. */
  async replace(grant: Grant): Promise<void> {
    await this.write(() =>
      this.db.transaction('rw', this.db.grants, async () => {
        await this.db.grants.where('origin').equals(grant.origin).delete();
        await this.db.grants.add(grant);
      }),
    );
  }

  /** Removes the origin's grant; returns it if there was one. */
  removeByOrigin(origin: string): Promise<Grant[]> {
    return this.removeWhere('origin', origin);
  }

  /** When the next grant runs out (ms), or null if none does. */
  async nextExpiry(): Promise<number | null> {
    const first = await this.db.grants.orderBy('expiresAt').first();
    return first?.expiresAt ?? null;
  }

  /** Removes every grant whose time is up; returns them. */
  async removeExpired(now: number): Promise<Grant[]> {
    return this.write(() =>
      this.db.transaction('rw', this.db.grants, async () => {
        const expired = await this.db.grants.where('expiresAt').belowOrEqual(now).toArray();
        await this.db.grants.bulkDelete(expired.map((g) => g.id));
        return expired;
      }),
    );
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

  private removeWhere(index: 'atSign' | 'personaId' | 'origin', value: string): Promise<Grant[]> {
    return this.write(() =>
      this.db.transaction('rw', this.db.grants, async () => {
        const removed = await this.db.grants.where(index).equals(value).toArray();
        await this.db.grants.bulkDelete(removed.map((g) => g.id));
        return removed;
      }),
    );
  }

  /** Every grant, by origin. The same list is shared by every caller until a write: do not change it. */
  async list(): Promise<readonly Grant[]> {
    return (await this.all.read('all', () => this.db.grants.orderBy('origin').toArray())) ?? [];
  }
}
