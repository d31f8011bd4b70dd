// runtime.onConnect and the background's end of a relay's port, which the
// fake browser does not provide: enough to deliver requests over a port and
// read the replies the background posts back.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from './senders';

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (listener: Listener<A>) => void listeners.push(listener),
    hasListeners: () => listeners.length > 0,
    fire: (...args: A) => listeners.forEach((listener) => listener(...args)),
  };
}

/** The port a relay opened, as the background's onConnect listener receives it. */
export class BackgroundPort {
  readonly onMessage = event<[unknown]>();
  readonly onDisconnect = event<[]>();
  /** Everything the background posted back, in order. */
  readonly posted: unknown[] = [];
  gone = false;
  constructor(
    readonly name: string,
    readonly sender: Sender,
  ) {}
  postMessage(message: unknown): void {
    if (this.gone) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(structuredClone(message));
  }
}

type ConnectEvent = ReturnType<typeof event<[BackgroundPort]>>;

/** Gives the fake browser a fresh runtime.onConnect, with no listeners (tests/unit/setup.ts, before each test). */
export function installOnConnect(): void {
  Object.assign(fakeBrowser.runtime, { onConnect: event<[BackgroundPort]>() });
}

/** Opens a port to the background as a relay in `sender`'s frame would. */
export function connect(name: string, sender: Sender): BackgroundPort {
  const port = new BackgroundPort(name, sender);
  (fakeBrowser.runtime.onConnect as unknown as ConnectEvent).fire(port);
  return port;
}
