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
// requests (to each request not marked `heard: 0` it answers at once `ready`
// with the request's id), each request is on a clock: unless the relay says
// it has it within REQUEST_TIMEOUT_MS — counted from the request, or from
// DOMContentLoaded for one made while the page was loading, since the relay
// starts only after that — it rejects with -32603. A forged `ready` can send
// requests to no one; it cannot make them hang. (Once heard, the relay gets
// every later request: they are marked, and carry no clock, which spares
// each call a message.)
//
// The relay shapes every answer: an `error` with a numeric code and a message,
// or a `result`. The provider takes it as it comes (what a page forges about
// its own requests harms no one else).
//
// Every page a person opens downloads and parses this file, in every frame:
// it is written for size (see README, Benchmarks), and each byte saved here
// is saved on every page.
import { NS } from '../shared/protocol';

/** How long a request waits for a relay to say it has it (see above). */
export const REQUEST_TIMEOUT_MS = 5000;

// `<` and `>` left bare (browsers take them in a data: URI, and escaped each
// costs three bytes); `#` stays escaped, or it would end the image there. The
// "@" is in the browser's default font: naming one costs bytes on every page.
const ICON =
  "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='-4 -4 8 8'><circle r='4' fill='%23f05e3e'/><text x='-3' y='2' font-size='6' fill='white'>@</text></svg>";

type Listener = (data: unknown) => void;
/** resolve, reject, and the request's clock: unset before it starts, 0 if not needed. */
type Pending = [(value: unknown) => void, (error: unknown) => void, (ReturnType<typeof setTimeout> | 0)?];
interface PageProvider {
  isAtSignWallet: true;
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(name: string, fn: Listener): PageProvider;
  removeListener(name: string, fn: Listener): PageProvider;
}

/** What settles a request: the relay's response, or one the provider makes itself. */
interface Answer {
  id?: string;
  result?: unknown;
  error?: { code: number; message: string };
}

// An arrow, not a function declaration: the build inlines it into page.ts's one call.
export const installProvider = (win: Window): void => {
  const origin = win.location.origin;
  // An opaque origin cannot be answered without posting to '*'; no provider there.
  if (origin === 'null') return;
  const pending = new Map<string, Pending>();
  const listeners = new Map<string, Set<Listener>>();
  // The announced uuid, made on first read (see `info` below).
  let uuid: string | undefined;
  // 0 once a relay said it holds one of our requests (it hears everything
  // posted since), so a new request's clock starts as "not needed".
  let heard: 0 | undefined;
  // What waits for a relay to say it is ready; 0 once one has.
  let waiting: object[] | 0 = [];

  const post = (message: object) => win.postMessage({ ns: NS, ...message }, origin);
  /** Settles request `id`: with `result`, or as an error when `error` is given. */
  const finish = (id: string, error?: Answer['error'], result?: unknown) => {
    const entry = pending.get(id);
    if (entry) {
      pending.delete(id);
      if (error) entry[1](Object.assign(Error(error.message), error));
      else entry[0](result);
    }
  };
  const startClock = (entry: Pending, id: string) =>
    (entry[2] ??= setTimeout(() => finish(id, { code: -32603, message: 'Wallet unreachable' }), REQUEST_TIMEOUT_MS));
  // (A settled request's clock is left to run out: it finds nothing to settle.
  // A real relay has stopped it already, as it says it holds a request before
  // it answers.)
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
      // With an id: the relay holds that request.
      const entry = pending.get(d.id!);
      if (entry) {
        clearTimeout(entry[2]);
        heard = 0;
      }
      if (waiting) {
        waiting.forEach(post);
        waiting = 0;
      }
    } else if (d.kind === 'response') {
      finish(d.id!, d.error, d.result);
    } else if (d.kind === 'event') {
      // Each listener on its own microtask: one that throws (or is no function) cannot stop the rest.
      listeners.get(d.name!)?.forEach((fn) => queueMicrotask(() => fn(d.data)));
    }
  });

  const provider: PageProvider = Object.freeze({
    isAtSignWallet: true,
    request: (args: { method: string; params?: unknown }) =>
      new Promise((resolve, reject) => {
        // Random, so two providers in one window (an add-on updated under an
        // open page) never take each other's replies. It guards nothing: the
        // page sees it.
        const id = `${Math.random()}`;
        const entry: Pending = [resolve, reject, heard];
        pending.set(id, entry);
        try {
          const method = args?.method;
          const params = args?.params;
          // Plain data only: what cannot be cloned (functions, symbols, DOM nodes) is refused, not
          // dropped — now, not when a held request is sent, where it would stop the ones after it.
          // (JSON.stringify leaves undefined params undefined.)
          structuredClone([method, params]);
          toRelay({ kind: 'request', id, method, params: JSON.stringify(params), heard });
          if (win.document.readyState !== 'loading') startClock(entry, id);
        } catch {
          finish(id, { code: -32602, message: 'params must be JSON' });
        }
      }),
    on(name: string, fn: Listener) {
      // The wallet sends a frame events only once it knows the frame listens:
      // on the first listener (no name is ever taken out of the map).
      if (!listeners.size) toRelay({ kind: 'subscribe' });
      (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(fn);
      return provider;
    },
    removeListener(name: string, fn: Listener) {
      listeners.get(name)?.delete(fn);
      return provider;
    },
  });
  const detail = Object.freeze({
    info: Object.freeze({
      // A version 4 UUID: crypto.randomUUID exists only on secure pages, and
      // the wallet also serves http: sites, so it is the one the browser puts
      // in a blob: URL (random, version 4, in Chromium and Firefox alike); the
      // empty blob stays registered until the page goes. Made when first read:
      // registering a blob: URL asks the browser's own process, ~3 ms of every
      // page's load.
      get uuid() {
        return (uuid ??= URL.createObjectURL(new Blob()).slice(-36));
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
