// When each site last used its access, for the popup's "Last used". Keyed by
// the grant's random id, so a row names no site; it goes with its grant.
// A site reading often writes at most once a minute: the popup shows minutes.
import type { WalletDatabase } from './database';

export interface SiteUseRecord {
  grantId: string;
  /** ms since epoch */
  at: number;
}

/** How stale "last used" may be, in ms. */
export const SITE_USE_STEP = 60_000;

export class SiteUseRepo {
  /** What this background last wrote for each grant, so most uses write nothing. */
  private readonly written = new Map<string, number>();

  constructor(private readonly db: WalletDatabase) {}

  /** Notes a use at `at`; never rejects (a failed write is reported). */
  async note(grantId: string, at: number): Promise<void> {
    const last = this.written.get(grantId);
    if (last !== undefined && at - last < SITE_USE_STEP) return;
    this.written.set(grantId, at);
    try {
      await this.db.siteUse.put({ grantId, at });
    } catch (error) {
      this.written.delete(grantId);
      console.error('atSign Wallet: "last used" could not be written', error);
    }
  }

  /** Last use of each grant that has been used. */
  async all(): Promise<Map<string, number>> {
    const rows = await this.db.siteUse.toArray();
    return new Map(rows.map((row) => [row.grantId, row.at]));
  }

  async forget(grantIds: string[]): Promise<void> {
    for (const id of grantIds) this.written.delete(id);
    await this.db.siteUse.bulkDelete(grantIds);
  }
}
