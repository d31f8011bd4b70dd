// One conversation with an atServer over any transport: wait for its `@`,
// then one command at a time — the server reads everything up to a newline as
// one command, so a second command sent before the first is answered could
// arrive glued to it. Each command has a deadline; a command that misses it
// closes the connection, because its late answer would otherwise be taken as
// the answer to the next one. Nothing here ever waits without a deadline.

import { AtClientError, badInput, malformed } from './errors';
import { AtFramer, MAX_REPLY_CHARS, type AtFrame } from './framing';
import type { AtServerError } from './server-error';
import type { AtTransport } from './transport';
import { checkOneLine } from './wire-text';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** What arrives without being asked for: monitor notifications, and errors about the monitor command. */
export type AtPush = { type: 'notification'; json: string } | { type: 'error'; error: AtServerError };

interface Pending {
  command: string;
  expectsReply: boolean;
  timeoutMs: number;
  resolve: (data: string) => void;
  reject: (error: Error) => void;
}

const verbOf = (command: string): string => /^@?[a-z]+/i.exec(command)?.[0] ?? 'the command';

export class AtConnection {
  readonly #transport: AtTransport;
  readonly #framer: AtFramer;
  readonly #timeoutMs: number;
  readonly #queue: Pending[] = [];
  #active: { pending: Pending; timer: ReturnType<typeof setTimeout> } | null = null;
  #greeted = false;
  #greeting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  #ended: Error | null = null;
  /** The transport closed; its last words may still be read, but nothing more is sent. */
  #hungUp = false;
  #monitoring = false;
  readonly #pushListeners: Array<(push: AtPush) => void> = [];
  readonly #closeListeners: Array<(error?: Error) => void> = [];

  private constructor(transport: AtTransport, timeoutMs: number, maxReplyChars: number) {
    this.#transport = transport;
    this.#timeoutMs = timeoutMs;
    this.#framer = new AtFramer((frame) => this.#onFrame(frame), maxReplyChars);
    transport.onText((text) => this.#onText(text));
    transport.onClose((error) => this.#onTransportClosed(error));
  }

  /** Resolves once the server's first prompt arrived; closes the transport and rejects otherwise. */
  static async open(
    transport: AtTransport,
    { timeoutMs = DEFAULT_TIMEOUT_MS, maxReplyChars = MAX_REPLY_CHARS }: { timeoutMs?: number; maxReplyChars?: number } = {},
  ): Promise<AtConnection> {
    try {
      checkTimeout(timeoutMs);
      if (!Number.isInteger(maxReplyChars) || maxReplyChars < 1) throw badInput('maxReplyChars must be a whole number ≥ 1.');
    } catch (error) {
      transport.close();
      throw error;
    }
    const connection = new AtConnection(transport, timeoutMs, maxReplyChars);
    await connection.#waitForGreeting();
    return connection;
  }

  get closed(): boolean {
    return this.#ended !== null;
  }

  /** The deadline each command gets unless it asks for another. */
  get timeoutMs(): number {
    return this.#timeoutMs;
  }

  /** Sends one command line and resolves with what followed `data:`; rejects with AtServerError or AtClientError. */
  request(command: string, { timeoutMs = this.#timeoutMs }: { timeoutMs?: number } = {}): Promise<string> {
    return this.#enqueue(command, true, timeoutMs);
  }

  /**
   * Sends `monitor…`, which the server never answers: from then on the
   * connection only carries notifications (and an error if the server refused).
   * Later commands are refused, since nothing tells when it is safe to send one.
   */
  startMonitor(command: string): Promise<void> {
    const sent = this.#enqueue(command, false, this.#timeoutMs);
    this.#monitoring = true;
    return sent.then(() => undefined);
  }

  /** Says goodbye (`@exit`); the server closes, which resolves this. */
  exit(): Promise<void> {
    if (this.#ended) return Promise.resolve();
    const closed = new Promise<void>((resolve) => this.onClose(() => resolve()));
    const timer = setTimeout(() => this.close(), this.#timeoutMs);
    this.#enqueue('@exit', false, this.#timeoutMs).catch(() => this.close());
    return closed.finally(() => clearTimeout(timer));
  }

  onPush(listener: (push: AtPush) => void): void {
    this.#pushListeners.push(listener);
  }

  /** Called once, when the connection ends; `error` unless it was closed on purpose. */
  onClose(listener: (error?: Error) => void): void {
    if (this.#ended) listener(this.#ended === CLOSED_ON_PURPOSE ? undefined : this.#ended);
    else this.#closeListeners.push(listener);
  }

  close(): void {
    this.#end(CLOSED_ON_PURPOSE);
  }

  #waitForGreeting(): Promise<void> {
    if (this.#greeted) return Promise.resolve();
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => this.#end(new AtClientError('timeout', `The atServer did not say hello (its "@" prompt) within ${this.#timeoutMs} ms.`)),
        this.#timeoutMs,
      );
      this.#greeting = {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
  }

  #enqueue(command: string, expectsReply: boolean, timeoutMs: number): Promise<string> {
    try {
      checkOneLine(command, 'command');
      checkTimeout(timeoutMs);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#ended) return Promise.reject(this.#endedError());
    if (this.#monitoring) {
      return Promise.reject(new AtClientError('wrong-state', 'This connection is a monitor now; open another connection for commands.'));
    }
    return new Promise<string>((resolve, reject) => {
      this.#queue.push({ command, expectsReply, timeoutMs, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#active || this.#ended || this.#hungUp) return;
    const pending = this.#queue.shift();
    if (!pending) return;
    // In flight before it is written: an answer may arrive during send() itself.
    if (pending.expectsReply) {
      const timer = setTimeout(() => {
        const verb = verbOf(pending.command);
        this.#end(new AtClientError('timeout', `The atServer did not answer ${verb} within ${pending.timeoutMs} ms; the connection was closed.`));
      }, pending.timeoutMs);
      this.#active = { pending, timer };
    }
    try {
      this.#transport.send(`${pending.command}\n`);
    } catch (error) {
      this.#end(new AtClientError('closed', 'The command could not be sent: the connection is gone.', { cause: error }));
      pending.reject(this.#endedError());
      return;
    }
    if (!pending.expectsReply) {
      pending.resolve('');
      this.#pump();
    }
  }

  #onText(text: string): void {
    if (this.#ended) return;
    try {
      this.#framer.push(text);
    } catch (error) {
      this.#end(error instanceof Error ? error : malformed('The atServer sent something unreadable.'));
    }
  }

  #onFrame(frame: AtFrame): void {
    if (frame.type === 'prompt') {
      if (!this.#greeted) {
        this.#greeted = true;
        this.#greeting?.resolve();
      }
      return;
    }
    if (frame.type === 'notification') {
      for (const listener of this.#pushListeners) listener(frame);
      return;
    }
    if (!this.#greeted) {
      // A server refusing the connection outright (too many connections) says so instead of "@".
      this.#end(frame.type === 'error' ? frame.error : malformed('The atServer answered before saying hello.'));
      return;
    }
    const active = this.#active;
    if (active) {
      clearTimeout(active.timer);
      this.#active = null;
      if (frame.type === 'data') active.pending.resolve(frame.data);
      else active.pending.reject(frame.error);
      this.#pump();
    } else if (frame.type === 'error' && this.#monitoring) {
      for (const listener of this.#pushListeners) listener(frame);
    } else {
      this.#end(malformed('The atServer answered a command that was never sent.'));
    }
  }

  #onTransportClosed(error?: Error): void {
    if (this.#ended) return;
    this.#hungUp = true;
    // Its last words first: they may answer the command in flight.
    this.#framer.end();
    this.#end(new AtClientError('closed', 'The atServer closed the connection.', error ? { cause: error } : undefined));
  }

  #endedError(): Error {
    return this.#ended === CLOSED_ON_PURPOSE || this.#ended === null
      ? new AtClientError('closed', 'The connection is closed.')
      : this.#ended;
  }

  #end(reason: Error): void {
    if (this.#ended) return;
    this.#ended = reason;
    const failure = this.#endedError();
    if (this.#active) {
      clearTimeout(this.#active.timer);
      this.#active.pending.reject(failure);
      this.#active = null;
    }
    for (const pending of this.#queue.splice(0)) pending.reject(failure);
    this.#greeting?.reject(failure);
    this.#transport.close();
    const listeners = this.#closeListeners.splice(0);
    for (const listener of listeners) listener(reason === CLOSED_ON_PURPOSE ? undefined : reason);
  }
}

const CLOSED_ON_PURPOSE = new AtClientError('closed', 'The connection was closed.');

export function checkTimeout(timeoutMs: number): void {
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > 2_147_483_647) {
    throw new AtClientError('bad-input', 'A timeout must be a whole number of milliseconds above 0.');
  }
}
