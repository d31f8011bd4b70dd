// Personas on the atServer. The wallet's own store stays the working copy — it
// works offline — and each sync, while the atSign's link is online, does two
// things in order:
//
//   1. read: every change the atServer logged after the last commit read
//      (`sync:from`), oldest first, applied here;
//   2. send: the person's waiting edits — deletions, personas, the order.
//
// The rule for two wallets editing the same persona: the atServer's commit
// order decides, and no edit is dropped without a trace. An edit read from
// the atServer replaces this wallet's copy unless this wallet has an edit of
// its own waiting; then both are kept — this wallet's edit goes up (the
// newest commit), and the other wallet's version is kept beside it as a new
// persona named "… (other wallet)". A deletion never beats an edit: an
// edited persona deleted elsewhere comes back, and a persona deleted here but
// edited elsewhere is restored from the atServer. The order of the list is
// last-sent-wins.

import type { AtClient, AtSyncEntry } from '@/src/atplatform';
import type { PersonaSyncStatus } from '@/src/shared/atserver-status';
import { MAX_KEPT_PERSONAS, MAX_PERSONA_NAME, type Persona } from '@/src/shared/persona';
import { isPending, type PersonaRecord, type PersonasRepo } from '../db/personas-repo';
import type { SyncRepo } from '../db/sync-repo';
import { openPersona, type PersonaContent } from '../personas/personas';
import type { Vault } from '../vault/vault';
import {
  encryptForServer,
  orderAtKey,
  personaAtKey,
  readOrderValue,
  readPersonaValue,
  readServerKey,
  ServerValueError,
  SYNC_REGEX,
} from './server-values';

/** What a sync brought in, for the sites: personas whose fields changed, and personas gone. */
export interface RemoteChanges {
  updated: Array<{ persona: Persona; changed: string[] }>;
  removed: string[];
}

export interface PersonaSyncDeps {
  personas: PersonasRepo;
  syncState: SyncRepo;
  vault: Vault;
  /** Runs `work` on the atSign's authenticated connection if its link is online; null when not. */
  whileOnline<T>(atSign: string, work: (client: AtClient) => Promise<T>): Promise<T | null>;
  /** The atSign's self encryption key (the wallet is unlocked while online). */
  selfKey(atSign: string): Promise<CryptoKey>;
  /** Whether a site holds a grant for the persona. */
  isGranted(personaId: string): Promise<boolean>;
  /** Told after changes read from the atServer are stored (only when something changed here). */
  onRemoteChanges(atSign: string, changes: RemoteChanges): Promise<void>;
  now(): number;
}

const COPY_MARK = ' (other wallet)';
/** A write found the persona changed by the person meanwhile. */
const RACED = Symbol('raced');

/** The name for the other wallet's version of a persona both edited. */
export function copyName(name: string): string {
  return name.slice(0, MAX_PERSONA_NAME - COPY_MARK.length).trimEnd() + COPY_MARK;
}

const sameContent = (a: PersonaContent, b: PersonaContent) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([x], [y]) => (x < y ? -1 : 1)));
const canonical = (c: PersonaContent) => ({ name: c.name, fields: sorted(c.fields), labels: sorted(c.labels) });

export class PersonaSync {
  /** One sync at a time per atSign; a request during one runs another after it. */
  readonly #running = new Map<string, { again: boolean; done: Promise<void> }>();
  readonly #problems = new Map<string, string>();

  constructor(private readonly deps: PersonaSyncDeps) {}

  /** Syncs the atSign's personas if its link is online; resolves when a sync that covers this request is done. */
  request(atSign: string): Promise<void> {
    const running = this.#running.get(atSign);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await this.#syncOnce(atSign);
        } while (entry.again);
      } finally {
        this.#running.delete(atSign);
      }
    })();
    this.#running.set(atSign, entry);
    return entry.done;
  }

  /**
   * For an atSign being removed, its link closed: resolves once no sync of it
   * is under way, and forgets what the last one said went wrong.
   */
  async forget(atSign: string): Promise<void> {
    await this.#running.get(atSign)?.done;
    this.#problems.delete(atSign);
  }

  /** The atServer says its latest commit: sync if that is news. */
  async serverCommitted(atSign: string, latestCommitId: number): Promise<void> {
    if (latestCommitId > (await this.deps.syncState.get(atSign)).cursor) await this.request(atSign);
  }

  async status(atSign: string): Promise<PersonaSyncStatus> {
    const [state, records, tombstones] = await Promise.all([
      this.deps.syncState.get(atSign),
      this.deps.personas.list(atSign),
      this.deps.syncState.tombstones(atSign),
    ]);
    const waiting = records.filter(isPending).length + tombstones.length + (state.orderPending ? 1 : 0);
    return { lastSyncedAt: state.lastSyncedAt, waiting, problem: this.#problems.get(atSign) ?? null };
  }

  async #syncOnce(atSign: string): Promise<void> {
    try {
      await this.deps.whileOnline(atSign, async (client) => {
        const selfKey = await this.deps.selfKey(atSign);
        const skipped = await this.#read(client, atSign, selfKey);
        await this.#send(client, atSign, selfKey);
        await this.deps.syncState.update(atSign, { lastSyncedAt: this.deps.now() });
        if (skipped.length) this.#problems.set(atSign, skipped.join(' '));
        else this.#problems.delete(atSign);
      });
    } catch (error) {
      // The link notices a dropped connection and syncs again once back online.
      this.#problems.set(atSign, `The last sync stopped: ${(error as Error).message}`);
    }
  }

  /** Reads and applies the atServer's changes; returns what it could not take, in words. */
  async #read(client: AtClient, atSign: string, selfKey: CryptoKey): Promise<string[]> {
    const skipped: string[] = [];
    const changes: RemoteChanges = { updated: [], removed: [] };
    let applied = false;
    let { cursor } = await this.deps.syncState.get(atSign);
    let stuck: string | null = null;
    for (;;) {
      const page = await client.syncFrom(cursor, { regex: SYNC_REGEX });
      if (page.length === 0) break;
      // Asked for what came after `cursor`, a working atServer answers later commits only. A page with
      // none would be asked for again and again, keeping this sync running for ever and the person's edits
      // from going up. The read ends here; nothing is sent on top of a read that did not finish.
      if (!page.some((entry) => entry.commitId > cursor)) {
        stuck = `${atSign}’s atServer, asked for the changes after commit ${cursor}, sent none newer.`;
        break;
      }
      for (const entry of page) {
        try {
          applied = (await this.#apply(entry, atSign, selfKey, changes)) || applied;
        } catch (error) {
          if (!(error instanceof ServerValueError)) throw error;
          skipped.push(`${entry.atKey} was left alone: ${error.message}`);
        }
        cursor = Math.max(cursor, entry.commitId);
      }
      await this.deps.syncState.update(atSign, { cursor });
    }
    // What earlier pages brought is kept here already, so the sites hear of it even when the read ended early.
    if (applied) await this.deps.onRemoteChanges(atSign, changes);
    // Said as the sync's problem, like any other that stops it; the next sync asks again from the same commit.
    if (stuck !== null) throw new Error(stuck);
    return skipped;
  }

  /** Applies one change; true when the personas as the person sees them changed here. */
  async #apply(entry: AtSyncEntry, atSign: string, selfKey: CryptoKey, changes: RemoteChanges): Promise<boolean> {
    const which = readServerKey(entry.atKey, atSign);
    if (which === null) return false;
    if (which.kind === 'order') {
      if ((await this.deps.syncState.get(atSign)).orderPending !== null || entry.operation === '-') return false;
      return this.#applyOrder(atSign, await readOrderValue(selfKey, entry.value, entry.metadata));
    }
    const content = entry.operation === '-' ? null : await readPersonaValue(selfKey, entry.value, entry.metadata);
    // The person may edit while this runs: a write that finds the persona changed reads it again.
    for (let attempt = 1; ; attempt++) {
      const applied = await this.#applyPersona(which.id, entry.commitId, content, atSign, changes);
      if (applied !== RACED) return applied;
      if (attempt === 3) throw new Error('The personas kept changing while the sync ran; it tries again at the next one.');
    }
  }

  /** One persona's change (`content` null: deleted on the atServer); RACED when the person's edit came first. */
  async #applyPersona(id: string, commitId: number, content: PersonaContent | null, atSign: string, changes: RemoteChanges): Promise<boolean | typeof RACED> {
    const { personas, syncState, vault } = this.deps;
    const [record, tombstone] = await Promise.all([personas.get(id), syncState.tombstone(id)]);
    const current = record ?? null;
    const known = record?.sync?.commitId ?? tombstone?.commitId ?? null;
    // This wallet's own change coming back, or older than what it has.
    if (known !== null && commitId <= known) return false;

    if (content === null) {
      if (tombstone) await syncState.dropTombstone(id);
      if (!record) return false;
      if (isPending(record)) {
        // Edited here since: the edit stays, and goes back up.
        return (await personas.putIfUnchanged(id, current, { ...record, sync: { commitId, pending: true } })) ? false : RACED;
      }
      if (!(await personas.putIfUnchanged(id, current, null))) return RACED;
      changes.removed.push(id);
      return true;
    }

    const synced = { commitId, pending: false };
    if (!record) {
      if ((await personas.list(atSign)).length >= MAX_KEPT_PERSONAS) {
        throw new ServerValueError(`The wallet keeps at most ${MAX_KEPT_PERSONAS} personas for an atSign.`);
      }
      const twin = await this.#unsyncedTwin(atSign, content);
      if (twin && !(await personas.putIfUnchanged(twin.id, twin, null))) return RACED;
      const order = twin?.order ?? (await this.#nextOrder(atSign));
      if (!(await personas.putIfUnchanged(id, null, { id, atSign, order, sealed: await vault.seal(content), sync: synced }))) return RACED;
      // Deleted here, edited elsewhere: the edit wins, the persona is back.
      if (tombstone) await syncState.dropTombstone(id);
      return true;
    }
    const mine = await openPersona(record, { vault });
    const same = sameContent(mine, content);
    if (isPending(record) && !same) {
      // Both wallets edited it: this one's edit goes up; the other's is kept beside it.
      if (!(await personas.putIfUnchanged(id, current, { ...record, sync: { commitId, pending: true } }))) return RACED;
      await personas.put({
        id: crypto.randomUUID(),
        atSign,
        order: await this.#nextOrder(atSign),
        sealed: await vault.seal({ ...content, name: copyName(content.name) }),
        sync: { commitId: null, pending: true },
      });
      return true;
    }
    // Not edited here (or edited to the same): the atServer's version is this wallet's.
    const next = { ...record, sealed: same ? record.sealed : await vault.seal(content), sync: synced };
    if (!(await personas.putIfUnchanged(id, current, next))) return RACED;
    const names = new Set([...Object.keys(mine.fields), ...Object.keys(content.fields)]);
    const changed = [...names].filter((name) => mine.fields[name] !== content.fields[name]);
    if (changed.length) changes.updated.push({ persona: { ...mine, ...content }, changed });
    return !same;
  }

  /**
   * A persona made here that never reached the atServer, holds nothing, is
   * granted to no site and has the same name as one arriving — the default
   * "Work" of a wallet that just joined: the atServer's takes its place.
   */
  async #unsyncedTwin(atSign: string, content: PersonaContent): Promise<PersonaRecord | null> {
    for (const record of await this.deps.personas.list(atSign)) {
      if ((record.sync?.commitId ?? null) !== null) continue;
      const persona = await openPersona(record, this.deps);
      if (persona.name !== content.name || Object.keys(persona.fields).length > 0) continue;
      if (!(await this.deps.isGranted(record.id))) return record;
    }
    return null;
  }

  async #nextOrder(atSign: string): Promise<number> {
    return Math.max(-1, ...(await this.deps.personas.list(atSign)).map((r) => r.order)) + 1;
  }

  /** The list in the order given; personas it does not name keep their places after those it does. */
  async #applyOrder(atSign: string, ids: string[]): Promise<boolean> {
    const records = await this.deps.personas.list(atSign);
    const rank = (r: PersonaRecord) => {
      const at = ids.indexOf(r.id);
      return at === -1 ? ids.length + r.order : at;
    };
    const ordered = [...records].sort((a, b) => rank(a) - rank(b));
    if (ordered.every((r, i) => r.order === i)) return false;
    await this.deps.personas.putAll(ordered.map((r, i) => ({ ...r, order: i })));
    return true;
  }

  /** Sends what waits here: deletions, then personas, then the order. */
  async #send(client: AtClient, atSign: string, selfKey: CryptoKey): Promise<void> {
    const { personas, syncState, vault } = this.deps;
    for (const tombstone of await syncState.tombstones(atSign)) {
      await client.delete(personaAtKey(tombstone.id, atSign));
      await syncState.dropTombstone(tombstone.id);
    }
    for (const record of (await personas.list(atSign)).filter(isPending)) {
      const content = await vault.unseal<PersonaContent>(record.sealed);
      const { value, metadata } = await encryptForServer(selfKey, content);
      const commitId = await client.update(personaAtKey(record.id, atSign), value, metadata);
      await personas.markSent(record, commitId);
    }
    const { orderPending } = await syncState.get(atSign);
    if (orderPending !== null) {
      const ids = (await personas.list(atSign)).map((r) => r.id);
      const { value, metadata } = await encryptForServer(selfKey, { ids });
      await client.update(orderAtKey(atSign), value, metadata);
      await syncState.orderSent(atSign, orderPending);
    }
  }
}
