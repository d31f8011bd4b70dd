// A small stand-in for a browser window, enough for the provider and the relay:
// an EventTarget with `location.origin` and a `postMessage` that behaves like a
// browser's — it clones the data at once (so functions throw DataCloneError),
// delivers on a later task with `source` = this window and `origin` = its own
// origin, and drops a message whose target origin is not this window's.
// Unlike a browser it refuses the target '*' outright, and it records every
// target origin used so a test can show that '*' was never asked for.

export class FakeWindow extends EventTarget {
  readonly location: { readonly origin: string };
  /** A document that has loaded (a test of a loading page puts its own in place). */
  readonly document: { readyState: DocumentReadyState } = { readyState: 'complete' };
  /** Every postMessage call made on this window, in order (data as cloned). */
  readonly posts: { data: unknown; targetOrigin: string }[] = [];

  /** Every targetOrigin passed to postMessage, in order. */
  get targetOrigins(): string[] {
    return this.posts.map((post) => post.targetOrigin);
  }

  constructor(origin: string) {
    super();
    this.location = { origin };
  }

  postMessage(data: unknown, targetOrigin: string): void {
    if (targetOrigin === '*') {
      this.posts.push({ data, targetOrigin });
      throw new Error("postMessage with target '*' refused by the test window");
    }
    const copy = structuredClone(data);
    this.posts.push({ data: copy, targetOrigin });
    if (targetOrigin !== '/' && targetOrigin !== this.location.origin) return;
    setTimeout(() => this.dispatchEvent(messageEvent(copy, { source: this, origin: this.location.origin })), 0);
  }
}

export function createFakeWindow(origin = 'https://site.example'): FakeWindow {
  return new FakeWindow(origin);
}

/** The fake, typed as the Window the code under test takes. */
export const asWindow = (win: FakeWindow): Window => win as unknown as Window;

/** Node's MessageEvent accepts only a MessagePort as `source`, so it is set afterwards. */
export function messageEvent(data: unknown, from: { source: unknown; origin: string }): MessageEvent {
  const event = new MessageEvent('message', { data, origin: from.origin });
  Object.defineProperty(event, 'source', { value: from.source });
  return event;
}

/** Delivers a message to `win` at once, as if posted by `source` (another frame by default) from `origin`. */
export function receive(win: FakeWindow, data: unknown, from: { source?: unknown; origin?: string } = {}): void {
  const source = 'source' in from ? from.source : {};
  win.dispatchEvent(messageEvent(data, { source, origin: from.origin ?? win.location.origin }));
}

/** Lets pending tasks (posted messages, timers, fake IndexedDB) run. */
export async function settle(tasks = 10): Promise<void> {
  for (let i = 0; i < tasks; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** 'pending' if the promise has not settled once queued tasks have run. */
export async function stateOf(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await settle();
  return state;
}
