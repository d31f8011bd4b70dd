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
import { NS } from '../shared/protocol';

/** How long a request waits for a relay to say it has it (see above). */
export const REQUEST_TIMEOUT_MS = 5000;

export const PROVIDER_INFO = {
  name: 'atSign Wallet',
  rdns: 'org.atsign-wallet',
  icon:
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%23f05e3e'/%3E%3Ctext x='16' y='23' font-size='20' text-anchor='middle' fill='white' font-family='sans-serif'%3E@%3C/text%3E%3C/svg%3E",
};

type Listener = (data: unknown) => void;
/** resolve, reject, and the request's clock: unset before it starts, 0 once not needed. */
type Pending = [(value: unknown) => void, (error: unknown) => void, ReturnType<typeof setTimeout> | 0 | undefined];

/**
 * A version 4 UUID. crypto.randomUUID exists only on secure pages, and the
 * wallet also serves http: sites (with a warning to the person).
 */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function providerError(error?: { code?: number; message: string }) {
  return Object.assign(new Error(String(error?.message)), { code: Number(error?.code ?? -32603) });
}

export function installProvider(win: Window): void {
  const origin = win.location.origin;
  // An opaque origin cannot be answered without posting to '*'; no provider there.
  if (origin === 'null') return;
  const pending = new Map<string, Pending>();
  const listeners = new Map<string, Set<Listener>>();
  // Random, so two providers in one window (an add-on updated under an open
  // page) never take each other's replies; made on first use, as is the
  // announced uuid, to keep the provider's start — paid by every page — small.
  let prefix: string | undefined;
  let announcedUuid: string | undefined;
  // Taken now, before the page's own scripts run, so a page cannot swap them under its own requests.
  const clone = structuredClone;
  const stringify = JSON.stringify;
  let seq = 0;
  let subscribed = false;
  let relayReady = false;
  let helloSent = false;
  // A relay said it holds one of our requests: it hears everything posted since.
  let heard = false;
  const waiting: object[] = [];
  const post = (message: object) => win.postMessage({ ns: NS, ...message }, origin);
  const finish = (id: string, ok: unknown, value: unknown) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry[2]);
    entry[ok ? 0 : 1](value);
  };
  const startClock = (entry: Pending, id: string) =>
    (entry[2] ??= setTimeout(
      () => finish(id, 0, providerError({ message: 'The wallet could not be reached' })), // -32603
      REQUEST_TIMEOUT_MS,
    ));
  // The relay starts only after DOMContentLoaded: so do the clocks of requests made before.
  win.addEventListener('DOMContentLoaded', () => pending.forEach(startClock));
  const toRelay = (message: object) => {
    if (relayReady) return post(message);
    waiting.push(message);
    // A relay that started before this provider (a browser may add both to a
    // page already open) has said "ready" to nobody: ask it again.
    if (!helloSent) {
      helloSent = true;
      post({ kind: 'hello' });
    }
  };

  win.addEventListener('message', (event) => {
    const d = event.data as
      | { ns?: unknown; kind?: unknown; id?: string; ok?: boolean; result?: unknown; error?: never; name?: string; data?: unknown }
      | null;
    if (event.source !== win || !d || d.ns !== NS) return;
    if (d.kind === 'ready') {
      // With an id: the relay holds that request, and hears all posted after it.
      const entry = pending.get(d.id!);
      if (entry) {
        clearTimeout(entry[2]);
        entry[2] = 0;
        heard = true;
      }
      if (relayReady) return;
      relayReady = true;
      waiting.splice(0).forEach(post);
    } else if (d.kind === 'response') {
      finish(d.id!, d.ok, d.ok ? d.result : providerError(d.error));
    } else if (d.kind === 'event') {
      // Each listener on its own microtask: one that throws cannot stop the rest.
      listeners.get(d.name!)?.forEach((fn) => queueMicrotask(() => fn(d.data)));
    }
  });

  const provider = Object.freeze({
    isAtSignWallet: true,
    request(args: { method: string; params?: unknown }): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const id = `${(prefix ??= uuid())}:${++seq}`;
        const entry: Pending = [resolve, reject, heard ? 0 : undefined];
        pending.set(id, entry);
        try {
          const method = args?.method;
          const params = args?.params;
          // Plain data only: what cannot be cloned (functions, symbols, DOM nodes) is refused, not
          // dropped — now, not when a held request is sent, where it would stop the ones after it.
          clone([method, params]);
          const text = params === undefined ? undefined : stringify(params);
          toRelay({ kind: 'request', id, method, params: text, ack: !heard });
          // (`?.`: the unit tests' stand-in windows have no document.)
          if (win.document?.readyState !== 'loading') startClock(entry, id);
        } catch {
          finish(id, 0, providerError({ code: -32602, message: 'params must be plain JSON data (no functions, symbols, DOM nodes or cycles)' }));
        }
      });
    },
    on(name: string, fn: Listener) {
      if (typeof fn === 'function') {
        if (!listeners.has(name)) listeners.set(name, new Set());
        listeners.get(name)!.add(fn);
        // The wallet sends a frame events only once it knows the frame listens.
        if (!subscribed) {
          subscribed = true;
          toRelay({ kind: 'subscribe' });
        }
      }
      return provider;
    },
    removeListener(name: string, fn: Listener) {
      listeners.get(name)?.delete(fn);
      return provider;
    },
  });
  const info = Object.freeze({
    get uuid() {
      return (announcedUuid ??= uuid());
    },
    ...PROVIDER_INFO,
  });
  const detail = Object.freeze({ info, provider });
  const announce = () => win.dispatchEvent(new CustomEvent('atsign:announceProvider', { detail }));
  win.addEventListener('atsign:requestProvider', announce);
  announce();
}
