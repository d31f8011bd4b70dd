// The provider a page sees. It runs in the page's own world, so it holds no
// logic and no secrets: it announces itself, forwards requests to the content
// relay of this frame and hands events to listeners. Every decision is made by
// the background, which learns the caller's origin from the browser.
//
// The provider starts with the page (so pages find the wallet before their own
// scripts run); the relay starts once the page has loaded (so the wallet adds
// as little as it can to every page load). Until the relay says it is ready,
// requests wait here, in order.
//
// A page can post anything a relay posts, `ready` included, so a `ready` only
// says where to send. Until a relay has said it holds one of this provider's
// requests (to a request marked `ack` it answers at once `ready` with the
// request's id), each request is on a clock: unless the relay says it has it
// within REQUEST_TIMEOUT_MS — counted from the request, or from
// DOMContentLoaded for one made while the page was loading, since the relay
// starts only after that — it rejects with -32603. A forged `ready` can send
// requests to no one; it cannot make them hang.
//
// Every page a person opens downloads and parses this file, in every frame:
// it is written for size (see README, Benchmarks), and each byte saved here
// is saved on every page.
import { NS } from '../shared/protocol';

/** How long a request waits for a relay to say it has it (see above). */
export const REQUEST_TIMEOUT_MS = 5000;

// `<` and `>` left bare (browsers take them in a data: URI, and escaped each
// costs three bytes); `#` stays escaped, or it would end the image there.
const ICON =
  "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='8' fill='%23f05e3e'/><text x='16' y='23' font-size='20' text-anchor='middle' fill='white' font-family='sans-serif'>@</text></svg>";

type Listener = (data: unknown) => void;
/** resolve, reject, and the request's clock: unset before it starts, 0 once not needed. */
type Pending = [(value: unknown) => void, (error: unknown) => void, ReturnType<typeof setTimeout> | 0 | undefined];
interface PageProvider {
  isAtSignWallet: true;
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(name: string, fn: Listener): PageProvider;
  removeListener(name: string, fn: Listener): PageProvider;
}

/** What settles a request: the relay's response, or one the provider makes itself. */
interface Answer {
  id?: string;
  ok?: unknown;
  result?: unknown;
  error?: { code?: number; message?: string };
}

// An arrow, not a function declaration: the build inlines it into page.ts's one call.
export const installProvider = (win: Window): void => {
  const origin = win.location.origin;
  // An opaque origin cannot be answered without posting to '*'; no provider there.
  if (origin === 'null') return;
  const pending = new Map<string, Pending>();
  const listeners = new Map<string, Set<Listener>>();
  // Taken now, before the page's own scripts run, so a page cannot swap them under its own requests.
  const clone = structuredClone;
  const stringify = JSON.stringify;
  let uuid: string | undefined;
  let seq = 0;
  // 0 once a relay said it holds one of our requests (it hears everything
  // posted since), so a new request's clock starts as "not needed".
  let heard: 0 | undefined;
  // What waits for a relay to say it is ready; 0 once one has.
  let waiting: object[] | 0 = [];

  // The announced uuid, and the prefix of request ids (so two providers in one
  // window, an add-on updated under an open page, never take each other's
  // replies). A version 4 UUID: crypto.randomUUID exists only on secure pages,
  // and the wallet also serves http: sites, so it is the one the browser puts
  // in a blob: URL (random, version 4, in Chromium and Firefox alike); the
  // empty blob stays registered until the page goes. It tells providers apart
  // and guards nothing (the page sees it). Made on first use, to keep the
  // provider's start — paid by every page — small.
  const pageUuid = () => (uuid ??= URL.createObjectURL(new Blob()).slice(-36));
  const post = (message: object) => win.postMessage({ ns: NS, ...message }, origin);
  /** Settles request `id`: with `result`, or as an error when `error` is given. */
  const finish = (id: string, error?: Answer['error'], result?: unknown) => {
    const entry = pending.get(id);
    if (entry) {
      pending.delete(id);
      clearTimeout(entry[2]);
      if (error) entry[1](Object.assign(Error(String(error.message)), { code: Number(error.code ?? -32603) }));
      else entry[0](result);
    }
  };
  const startClock = (entry: Pending, id: string) =>
    (entry[2] ??= setTimeout(() => finish(id, { message: 'The wallet could not be reached' }), REQUEST_TIMEOUT_MS));
  // The relay starts only after DOMContentLoaded: so do the clocks of requests made before.
  win.addEventListener('DOMContentLoaded', () => pending.forEach(startClock));
  const toRelay = (message: object) => {
    // A relay that started before this provider (a browser may add both to a
    // page already open) has said "ready" to nobody: ask it again, once.
    if (!waiting) post(message);
    else if (waiting.push(message) < 2) post({ kind: 'hello' });
  };

  win.addEventListener('message', (event) => {
    const d = event.data as (Answer & { ns?: unknown; kind?: unknown; name?: string; data?: unknown }) | null;
    if (event.source !== win || d?.ns !== NS) return;
    if (d.kind === 'ready') {
      // With an id: the relay holds that request, and hears all posted after it.
      const entry = pending.get(d.id!);
      if (entry) {
        clearTimeout(entry[2]);
        entry[2] = heard = 0;
      }
      if (waiting) {
        waiting.forEach(post);
        waiting = 0;
      }
    } else if (d.kind === 'response') {
      finish(d.id!, d.ok ? undefined : (d.error ?? {}), d.result);
    } else if (d.kind === 'event') {
      // Each listener on its own microtask: one that throws cannot stop the rest.
      listeners.get(d.name!)?.forEach((fn) => queueMicrotask(() => fn(d.data)));
    }
  });

  const provider: PageProvider = Object.freeze({
    isAtSignWallet: true,
    request: (args: { method: string; params?: unknown }) =>
      new Promise((resolve, reject) => {
        const id = `${pageUuid()}:${++seq}`;
        const entry: Pending = [resolve, reject, heard];
        pending.set(id, entry);
        try {
          const method = args?.method;
          const params = args?.params;
          // Plain data only: what cannot be cloned (functions, symbols, DOM nodes) is refused, not
          // dropped — now, not when a held request is sent, where it would stop the ones after it.
          // (JSON.stringify leaves undefined params undefined.)
          clone([method, params]);
          toRelay({ kind: 'request', id, method, params: stringify(params), ack: heard !== 0 });
          // (`?.`: the unit tests' stand-in windows have no document.)
          if (win.document?.readyState !== 'loading') startClock(entry, id);
        } catch {
          finish(id, { code: -32602, message: 'params must be plain JSON data' });
        }
      }),
    on(name: string, fn: Listener) {
      if (typeof fn === 'function') {
        // The wallet sends a frame events only once it knows the frame listens:
        // on the first listener (no name is ever taken out of the map).
        if (!listeners.size) toRelay({ kind: 'subscribe' });
        (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(fn);
      }
      return provider;
    },
    removeListener(name: string, fn: Listener) {
      listeners.get(name)?.delete(fn);
      return provider;
    },
  });
  const detail = Object.freeze({
    info: Object.freeze({
      get uuid() {
        return pageUuid();
      },
      name: 'atSign Wallet',
      rdns: 'org.atsign-wallet',
      icon: ICON,
    }),
    provider,
  });
  const announce = () => win.dispatchEvent(new CustomEvent('atsign:announceProvider', { detail }));
  win.addEventListener('atsign:requestProvider', announce);
  announce();
};
