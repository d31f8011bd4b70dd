// runtime ports and runtime.onConnect, which the fake browser does not
// provide: one port that a test holds either end of — the background's (to
// deliver a relay's requests and read the replies) or the relay's (to answer
// its requests and close it as a stopped worker would).
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

/** One end of a port: what its owner posts is kept in `posted`; `onMessage.fire` plays the other end. */
export class FakePort {
  readonly onMessage = event<[unknown]>();
  readonly onDisconnect = event<[]>();
  /** Everything this end posted, in order (as cloned). */
  readonly posted: unknown[] = [];
  /** Closed, whether or not the browser has said so yet: posting throws, as a browser's port does. */
  gone = false;
  constructor(
    readonly name = '',
    readonly sender?: Sender,
  ) {}
  postMessage(message: unknown): void {
    if (this.gone) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(structuredClone(message));
  }
  /** The other end goes away (a stopped service worker, a closed frame). */
  disconnect(): void {
    this.gone = true;
    this.onDisconnect.fire();
  }
}

type ConnectEvent = ReturnType<typeof event<[FakePort]>>;

/** Gives the fake browser a fresh runtime.onConnect, with no listeners (tests/unit/setup.ts, before each test). */
export function installOnConnect(): void {
  Object.assign(fakeBrowser.runtime, { onConnect: event<[FakePort]>() });
}

/** Opens a port to the background as a relay in `sender`'s frame would. */
export function connect(name: string, sender: Sender): FakePort {
  const port = new FakePort(name, sender);
  (fakeBrowser.runtime.onConnect as unknown as ConnectEvent).fire(port);
  return port;
}
