// An in-memory AtTransport for the client's tests: it records exactly what the
// client wrote, one entry per send, and lets the test (or a script) play the
// server — say things, in any chunks, and hang up.

import type { AtConnector, AtTransport } from '@/src/atplatform';
import { TransportEvents } from '@/src/atplatform/transports/transport-events';

export class FakeTransport implements AtTransport {
  /** Every send, exactly as written. */
  readonly sent: string[] = [];
  closedByClient = false;
  readonly #events = new TransportEvents();
  /** Called for each command line the client sends (without its newline). */
  onCommand: ((line: string) => void) | null = null;

  send(text: string): void {
    if (this.#events.closed) throw new Error('send after close');
    this.sent.push(text);
    if (this.onCommand && text.endsWith('\n')) this.onCommand(text.slice(0, -1));
  }

  onText(listener: (text: string) => void): void {
    this.#events.onText(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.#events.onClose(listener);
  }

  close(): void {
    this.closedByClient = true;
    this.#events.close();
  }

  get closed(): boolean {
    return this.#events.closed;
  }

  /** The server writes `text`. */
  say(...chunks: string[]): void {
    for (const chunk of chunks) this.#events.text(chunk);
  }

  /** The server hangs up. */
  hangUp(error?: Error): void {
    this.#events.close(error);
  }
}

/**
 * A transport that greets with "@" and answers each command with `answer(line)`
 * (a whole reply without the prompt, e.g. "data:ok"; undefined = say nothing).
 * The prompt after each reply is `prompt()`, so a test can switch it after auth.
 */
export function scriptedServer(answer: (line: string) => string | undefined, prompt: () => string = () => '@'): FakeTransport {
  const transport = new FakeTransport();
  transport.onCommand = (line) => {
    const reply = answer(line);
    if (reply !== undefined) transport.say(`${reply}\n${prompt()}`);
  };
  transport.say('@');
  return transport;
}

export const connectorFor = (transport: AtTransport): AtConnector => () => Promise.resolve(transport);

/** The state of a promise once every pending microtask has run (no timers involved). */
export async function settledState(promise: Promise<unknown>): Promise<'pending' | 'fulfilled' | 'rejected'> {
  let state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'fulfilled'),
    () => (state = 'rejected'),
  );
  for (let i = 0; i < 50; i++) await Promise.resolve();
  return state;
}

/** Awaits a rejection and returns the error. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
