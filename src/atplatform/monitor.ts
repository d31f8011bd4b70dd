// A monitor: the connection, once `monitor` is sent, carries the server's
// `notification: {json}` lines as they happen. Read them with `for await`, or
// `next()`; `close()` (or leaving the loop) ends the connection. The monitor
// ends with an error when the server refuses it or the connection drops.

import type { AtConnection, AtPush } from './connection';
import { AtClientError, excerpt, malformed } from './errors';

export interface AtNotification {
  /** "-1" for the server's own statsNotification (its latest commit id in `value`). */
  id: string;
  from: string | null;
  to: string | null;
  /** The key that changed, e.g. "@alice:p1.personas.atwallet@bob". */
  key: string;
  value: string | null;
  /** "update", "delete", … */
  operation: string | null;
  epochMillis: number | null;
  messageType: string | null;
  isEncrypted: boolean;
  metadata: Record<string, unknown> | null;
}

/** Notifications waiting to be read; a monitor nobody reads is closed rather than growing without end. */
export const MAX_QUEUED_NOTIFICATIONS = 10_000;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function parseNotification(json: string): AtNotification {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw malformed(`The atServer sent a notification that is not JSON: ${excerpt(json)}.`, error);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('The atServer sent a notification that is not a JSON object.');
  const n = parsed as Record<string, unknown>;
  if (typeof n.id !== 'string' || typeof n.key !== 'string') throw malformed('The atServer sent a notification without an id and a key.');
  const metadata = n.metadata;
  return {
    id: n.id,
    from: textOrNull(n.from),
    to: textOrNull(n.to),
    key: n.key,
    value: textOrNull(n.value),
    operation: textOrNull(n.operation),
    epochMillis: Number.isSafeInteger(n.epochMillis) ? (n.epochMillis as number) : null,
    messageType: textOrNull(n.messageType),
    isEncrypted: n.isEncrypted === true,
    metadata: typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : null,
  };
}

type Waiter = { resolve: (result: IteratorResult<AtNotification>) => void; reject: (error: Error) => void };

export class AtMonitor implements AsyncIterableIterator<AtNotification> {
  readonly #connection: AtConnection;
  readonly #queue: AtNotification[] = [];
  readonly #waiters: Waiter[] = [];
  /** null while running; then how it ended (undefined = closed on purpose). */
  #ending: { error?: Error } | null = null;

  /** Use AtClient.monitor(); this wires an already-monitoring connection. */
  constructor(connection: AtConnection) {
    this.#connection = connection;
    connection.onPush((push) => this.#onPush(push));
    connection.onClose((error) => this.#finish(error));
  }

  next(): Promise<IteratorResult<AtNotification>> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.#ending) {
      return this.#ending.error ? Promise.reject(this.#ending.error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<AtNotification>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<AtNotification> {
    return this;
  }

  /** Stops the monitor and closes its connection; a waiting next() resolves done. */
  close(): void {
    this.#connection.close();
    this.#finish();
  }

  #onPush(push: AtPush): void {
    if (this.#ending) return;
    if (push.type === 'error') return this.#fail(push.error);
    let notification: AtNotification;
    try {
      notification = parseNotification(push.json);
    } catch (error) {
      return this.#fail(error as Error);
    }
    const waiter = this.#waiters.shift();
    if (waiter) return waiter.resolve({ value: notification, done: false });
    if (this.#queue.length >= MAX_QUEUED_NOTIFICATIONS) {
      return this.#fail(new AtClientError('wrong-state', `More than ${MAX_QUEUED_NOTIFICATIONS} notifications went unread; the monitor was closed.`));
    }
    this.#queue.push(notification);
  }

  #fail(error: Error): void {
    this.#finish(error);
    this.#connection.close();
  }

  #finish(error?: Error): void {
    if (this.#ending) return;
    this.#ending = error ? { error } : {};
    for (const waiter of this.#waiters.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve({ value: undefined, done: true });
    }
  }
}
