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

/** How long an entry from recordSoon may wait for others, and how many may wait. */
const SOON_MS = 250;
const SOON_MAX_ENTRIES = 500;

/** How many entries one look through the log reads at most, when filtering by site. */
const SCAN_LIMIT = 2_000;

export class ActivityLog implements SealedStore {
  private encrypter: Promise<EntryEncrypter> | null = null;
  /** Writes in the order they were asked for; reading the log waits for them. */
  private writes: Promise<void> = Promise.resolve();
  /** Entries asked for that the next write takes. */
  private pending: { at: number; kind: ActivityKind; content: Content }[] = [];
  /** A write of the pending entries is queued and has not taken them yet. */
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

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
   * Adds an entry and writes it now, with any others waiting; resolves once
   * written. It never rejects; a failed write is reported. Entries asked for
   * while a write is under way go together into the next one.
   */
  record(kind: ActivityKind, origin: string, fields: string[] = []): Promise<void> {
    this.pending.push({ at: this.now(), kind, content: { origin, fields } });
    return this.flush();
  }

  /**
   * Adds an entry written within a quarter second, with the others of that
   * moment, in one transaction: a site reading many times a second costs the
   * wallet one write, not one per read. Anyone reading the log first makes it
   * write them. The one loss possible is the last quarter second of reads if
   * the browser quits in it.
   */
  recordSoon(kind: ActivityKind, origin: string, fields: string[] = []): void {
    this.pending.push({ at: this.now(), kind, content: { origin, fields } });
    if (this.pending.length >= SOON_MAX_ENTRIES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), SOON_MS);
  }

  /** Writes every entry asked for so far; resolves once they are written. */
  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0 && !this.queued) {
      this.queued = true;
      this.writes = this.writes.then(() => {
        this.queued = false;
        return this.writePending();
      });
    }
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
    return this.flush();
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
