// The wallet's connections to its atSigns' atServers: one link per atSign,
// open while the wallet is unlocked. A link finds the atServer, connects over
// `wss://…/ws`, authenticates with PKAM (the atSign's own key, or the
// wallet's APKAM key and enrollmentId), does what the wallet does online
// (publish its signing key), and then stays open, with a `noop` now and then
// so neither the atServer nor the browser lets it idle away. Beside it, a
// second connection of the same atSign is a `monitor`: the atServer tells it
// its latest commit after every change any app of the atSign makes, which is
// how the wallet hears of other wallets' edits. A dropped link
// tries again later, each wait longer; a link that keeps dropping soon after
// it went online waits longer each time too, until one stays up for
// STAYED_UP_MS. A refusal (keys
// not accepted, enrollment denied, revoked or expired) is shown and not
// retried.

import { AtClient, AtClientError, AtServerError, formatAddress, type AtAddress, type AtConnector, type AtMonitor } from '@/src/atplatform';
import type { AtServerStatus, RefusedProblem } from '@/src/shared/atserver-status';
import { RootLookupError } from './root-over-https';

export interface LinkCredentials {
  /** base64 PKCS#8: the atSign's PKAM key, or the wallet's APKAM key for an enrollment */
  pkamPrivateKey: string;
  enrollmentId?: string;
}

export interface LinksDeps {
  /** Where the atSign's atServer is: null when the root does not know it. May throw RootLookupError. */
  locate(atSign: string): Promise<AtAddress | null>;
  connect: AtConnector;
  /** Read from the vault when a link opens; the wallet is unlocked then. */
  credentials(atSign: string): Promise<LinkCredentials>;
  /** The work to do on each new authenticated connection (publishing the signing key). */
  whenOnline(client: AtClient, atSign: string): Promise<void>;
  now(): number;
  /** Runs `task` after `ms`; returns a cancel. */
  later(task: () => void, ms: number): () => void;
  /** Told whenever a link's status changes. */
  onStatus?(atSign: string, status: AtServerStatus): void;
  /** Told each time a link is online, after `whenOnline`; work on it with `whileOnline`. */
  onOnline?(atSign: string): void;
  /** Given: the link also keeps a monitor, and this hears the atServer's latest commit id each time it says. */
  onServerCommit?(atSign: string, latestCommitId: number): void;
  /** Longest wait for each step on the wire. Default 10 s. */
  timeoutMs?: number;
  /** How long to wait before attempt `n` (1 for the first retry). Default 1 s, doubling, at most 5 minutes. */
  retryDelayMs?(attempt: number): number;
  /** Between keep-alive `noop`s. Default 20 s: a browser stops an idle background after 30 s (see keep-awake.ts for Firefox). */
  keepAliveMs?: number;
}

export const retryDelayMs = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 300_000);

/**
 * How long a link must stay online before its drop counts as a fresh start,
 * and the next attempt waits the shortest time. Signing in is not enough: an
 * atServer (or a network) that takes the keys and hangs up at once would
 * otherwise have the wallet look up the root, connect, sign in, publish its
 * signing key and sync personas every second, for as long as it is unlocked.
 * A minute outlasts two keep-alive `noop`s (every 20 s by default), so a link
 * that drops at its first keep-alive does not count as up.
 */
export const STAYED_UP_MS = 60_000;

const REFUSALS: Record<string, { problem: RefusedProblem; says: (atSign: string) => string }> = {
  AT0401: { problem: 'keys-refused', says: (a) => `${a}’s atServer does not accept this wallet’s keys.` },
  AT0025: { problem: 'enrollment-denied', says: (a) => `The request to add this wallet to ${a} was denied.` },
  AT0027: { problem: 'enrollment-revoked', says: (a) => `This wallet’s access to ${a} was revoked in another app.` },
  AT0028: { problem: 'enrollment-expired', says: (a) => `This wallet’s enrollment with ${a} expired or is no longer known.` },
};
const PENDING = 'AT0026';

class Link {
  status: AtServerStatus = { state: 'connecting' };
  #client: AtClient | null = null;
  #monitor: AtMonitor | null = null;
  #cancel: (() => void) | null = null;
  /** Attempts since the link was last online; it sets the next wait. */
  #attempt = 0;
  /** Drops in a row, each before the link had stayed up for STAYED_UP_MS. */
  #quickDrops = 0;
  #stopped = false;

  constructor(
    readonly atSign: string,
    private readonly deps: LinksDeps,
  ) {}

  start(): void {
    void this.#open();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = null;
    const client = this.#client;
    this.#client = null;
    client?.close();
    this.#monitor?.close();
    this.#monitor = null;
  }

  /** The authenticated connection, while online. */
  get client(): AtClient | null {
    return this.#client;
  }

  /**
   * Try now rather than at the scheduled time (the person asked, or a setting
   * changed), and start the waits over: should this try fail, the next comes
   * soon, not after the longest wait so far.
   */
  retryNow(): void {
    if (this.#stopped || this.#client !== null || this.status.state === 'connecting') return;
    this.#cancel?.();
    this.#cancel = null;
    this.#attempt = 0;
    void this.#open();
  }

  #set(status: AtServerStatus): void {
    if (this.#stopped) return;
    this.status = status;
    this.deps.onStatus?.(this.atSign, status);
  }

  async #open(): Promise<void> {
    this.#set({ state: 'connecting' });
    let client: AtClient | null = null;
    let watcher: AtClient | null = null;
    try {
      const address = await this.deps.locate(this.atSign);
      if (address === null) {
        this.#retry('not-found', `The root does not know ${this.atSign}.`);
        return;
      }
      if (this.#stopped) return;
      const timeoutMs = this.deps.timeoutMs ?? 10_000;
      client = await AtClient.connect(address, { connect: this.deps.connect, timeoutMs });
      if (this.#stopped) return client.close();
      const { pkamPrivateKey, enrollmentId } = await this.deps.credentials(this.atSign);
      const credentials = enrollmentId ? { pkamPrivateKey, enrollmentId } : { pkamPrivateKey };
      await client.authenticate(this.atSign, credentials);
      if (this.#stopped) return client.close();
      await this.deps.whenOnline(client, this.atSign);
      if (this.#stopped) return client.close();
      let monitor: AtMonitor | null = null;
      if (this.deps.onServerCommit) {
        watcher = await AtClient.connect(address, { connect: this.deps.connect, timeoutMs });
        await watcher.authenticate(this.atSign, credentials);
        // Every monitor hears the statsNotification; the regex keeps other notifications to the wallet's own.
        monitor = await watcher.monitor({ regex: 'atwallet' });
        if (this.#stopped) return (client.close(), watcher.close());
      }
      this.#online(client, address, monitor);
    } catch (error) {
      client?.close();
      watcher?.close();
      if (!this.#stopped) this.#failed(error);
    }
  }

  #online(client: AtClient, address: AtAddress, monitor: AtMonitor | null): void {
    this.#client = client;
    this.#monitor = monitor;
    this.#attempt = 0;
    const since = this.deps.now();
    this.#set({ state: 'online', address: formatAddress(address), since });
    const keepAlive = (): void => {
      this.#cancel = this.deps.later(() => {
        // A noop that fails closes the connection, which is handled below.
        client.noop().then(keepAlive, () => client.close());
      }, this.deps.keepAliveMs ?? 20_000);
    };
    keepAlive();
    client.onClose(() => {
      monitor?.close();
      if (this.#client !== client) return;
      this.#client = null;
      this.#monitor = null;
      this.#cancel?.();
      this.#cancel = null;
      // A link that was up a good while tries again soon; one that keeps
      // dropping soon after signing in waits longer each time (1 s, 2 s, 4 s …).
      this.#quickDrops = this.deps.now() - since >= STAYED_UP_MS ? 0 : this.#quickDrops + 1;
      this.#attempt = Math.max(0, this.#quickDrops - 1);
      this.#retry('unreachable', `The connection to ${this.atSign}’s atServer dropped.`);
    });
    if (monitor) void this.#watch(monitor, client);
    this.deps.onOnline?.(this.atSign);
  }

  /** Passes on each latest commit id the atServer announces; the link drops with the monitor. */
  async #watch(monitor: AtMonitor, client: AtClient): Promise<void> {
    try {
      for await (const notification of monitor) {
        const latest = notification.id === '-1' && /^\d{1,15}$/.test(notification.value ?? '') ? Number(notification.value) : null;
        if (latest !== null) this.deps.onServerCommit?.(this.atSign, latest);
      }
    } catch {
      // A monitor that failed is a link that dropped.
    }
    client.close();
  }

  #failed(error: unknown): void {
    if (error instanceof AtServerError) {
      const refusal = REFUSALS[error.code];
      if (refusal) {
        this.#set({ state: 'refused', problem: refusal.problem, message: refusal.says(this.atSign) });
        return;
      }
      if (error.code === PENDING) {
        this.#retry('pending', `Waiting for the request to be approved in an app that manages ${this.atSign}.`);
        return;
      }
      this.#retry('unreachable', `${this.atSign}’s atServer answered with an error (${error.code}).`);
      return;
    }
    if (error instanceof RootLookupError) this.#retry('root-unreachable', error.message);
    else if (error instanceof AtClientError) this.#retry('unreachable', error.message);
    else this.#retry('unreachable', `${this.atSign}’s atServer could not be reached.`);
  }

  #retry(problem: 'not-found' | 'root-unreachable' | 'unreachable' | 'pending', message: string): void {
    if (this.#stopped) return;
    this.#attempt += 1;
    const wait = (this.deps.retryDelayMs ?? retryDelayMs)(this.#attempt);
    this.#set({ state: 'offline', problem, message, retryAt: this.deps.now() + wait });
    this.#cancel = this.deps.later(() => {
      this.#cancel = null;
      void this.#open();
    }, wait);
  }
}

export class AtServerLinks {
  readonly #links = new Map<string, Link>();
  /** atSigns being removed: their links stay closed whatever sync() is given. */
  readonly #held = new Set<string>();

  constructor(private readonly deps: LinksDeps) {}

  /** Opens a link for each atSign given that has none; closes links for atSigns not given. */
  sync(atSigns: readonly string[]): void {
    for (const [atSign, link] of this.#links) {
      if (!atSigns.includes(atSign)) {
        link.stop();
        this.#links.delete(atSign);
      }
    }
    for (const atSign of atSigns) {
      if (this.#links.has(atSign) || this.#held.has(atSign)) continue;
      const link = new Link(atSign, this.deps);
      this.#links.set(atSign, link);
      link.start();
    }
  }

  /** Closes one link and opens it afresh (its address or keys changed). */
  restart(atSign: string): void {
    this.#close(atSign);
    this.sync([...this.#links.keys(), atSign]);
  }

  retryNow(atSign: string): void {
    this.#links.get(atSign)?.retryNow();
  }

  /**
   * Closes the atSign's link and keeps it closed, whatever sync() is given,
   * until `release` (its atSign is being removed, and is listed until then).
   */
  hold(atSign: string): void {
    this.#held.add(atSign);
    this.#close(atSign);
  }

  release(atSign: string): void {
    this.#held.delete(atSign);
  }

  #close(atSign: string): void {
    this.#links.get(atSign)?.stop();
    this.#links.delete(atSign);
  }

  stopAll(): void {
    this.sync([]);
  }

  /** Runs `work` on the atSign's connection if it is online now; null when it is not. */
  async whileOnline<T>(atSign: string, work: (client: AtClient) => Promise<T>): Promise<T | null> {
    const client = this.#links.get(atSign)?.client;
    return client ? work(client) : null;
  }

  status(atSign: string): AtServerStatus {
    return this.#links.get(atSign)?.status ?? { state: 'locked' };
  }
}
