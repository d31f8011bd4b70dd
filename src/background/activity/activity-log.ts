// The activity log: every connect, read, disconnect, revocation and expiry,
// with the site and the fields. Entries are encrypted to the log's public key
// (see log-crypto.ts); reading them needs the wallet unlocked.
import type { ActivityEntry, ActivityKind } from '@/src/shared/activity';
import { decodeBase64, encodeBase64 } from '@/src/shared/base64';
import type { ActivityRecord, ActivityRepo } from '../db/activity-repo';
import type { SealedStore } from '../vault/sealed-store';
import { seal, unseal } from '../vault/sealing';
import type { CryptoKeyPair } from '../vault/types';
import type { Vault } from '../vault/vault';
import { decryptEntry, entryEncrypter, generateLogKeys, importLogPrivateKey, type EntryEncrypter } from './log-crypto';

type Content = Pick<ActivityEntry, 'origin' | 'fields'>;

/** How many entries one look through the log reads at most, when filtering by site. */
const SCAN_LIMIT = 2_000;

export class ActivityLog implements SealedStore {
  private encrypter: Promise<EntryEncrypter> | null = null;
  /** Writes in the order they were asked for; reading the log waits for them. */
  private writes: Promise<void> = Promise.resolve();
  /** Entries asked for that the next write takes. */
  private pending: { at: number; kind: ActivityKind; content: Content }[] = [];

  constructor(
    private readonly repo: ActivityRepo,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {}

  /** Makes the log's key pair once, while the vault is unlocked (at setup). */
  async ensureKeys(): Promise<void> {
    if (await this.repo.keys()) return;
    const { publicKey, privateKey } = await generateLogKeys();
    await this.repo.putKeys({ id: 'activity', publicKey, privateKey: await this.vault.seal(encodeBase64(privateKey)) });
  }

  /**
   * Adds an entry. A caller need not wait: a site's read is answered without
   * waiting for its log write, which still lands in order, and anyone reading
   * the log sees it. Entries asked for while a write is under way are written
   * together in the next one, so a busy site costs one transaction per write,
   * not per read. It never rejects; a failed write is reported.
   */
  record(kind: ActivityKind, origin: string, fields: string[] = []): Promise<void> {
    this.pending.push({ at: this.now(), kind, content: { origin, fields } });
    if (this.pending.length === 1) this.writes = this.writes.then(() => this.writePending());
    return this.writes;
  }

  private async writePending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      if (!this.encrypter) {
        const keys = await this.repo.keys();
        if (!keys) return;
        this.encrypter = entryEncrypter(keys.publicKey);
      }
      const encrypt = await this.encrypter;
      const records = await Promise.all(batch.map(async ({ at, kind, content }) => ({ at, kind, sealed: await encrypt(content) })));
      await this.repo.addAll(records);
    } catch (error) {
      console.error('atSign Wallet: activity entries could not be written', error);
    }
  }

  /** Resolves once every entry asked for so far is written. */
  settled(): Promise<void> {
    return this.writes;
  }

  /** A page of entries, newest first; `nextBefore` continues where this one stopped. */
  async list(options: { before?: number; limit: number; kind?: ActivityKind; origin?: string }) {
    await this.settled();
    const keys = await this.repo.keys();
    if (!keys) return { entries: [] as ActivityEntry[], nextBefore: null };
    const privateKey = await importLogPrivateKey(decodeBase64(await this.vault.unseal<string>(keys.privateKey))!);
    const entries: ActivityEntry[] = [];
    let before = options.before;
    let scanned = 0;
    while (entries.length < options.limit && scanned < SCAN_LIMIT) {
      const batch = await this.repo.page({ before, limit: options.origin ? 200 : options.limit, kind: options.kind });
      if (batch.length === 0) return { entries, nextBefore: null };
      for (const record of batch) {
        scanned++;
        before = record.id;
        const entry = await this.open(privateKey, record);
        if (!options.origin || entry.origin === options.origin) entries.push(entry);
        if (entries.length === options.limit) break;
      }
    }
    return { entries, nextBefore: before ?? null };
  }

  private async open(privateKey: CryptoKey, record: ActivityRecord): Promise<ActivityEntry> {
    const content = await decryptEntry<Content>(privateKey, record.sealed);
    return { id: record.id!, at: record.at, kind: record.kind, ...content };
  }

  async reseal({ from, to }: CryptoKeyPair): Promise<() => Promise<void>> {
    const keys = await this.repo.keys();
    if (!keys) return async () => undefined;
    const privateKey = await seal(to, await unseal<string>(from, keys.privateKey));
    return () => this.repo.putKeys({ ...keys, privateKey });
  }
}
