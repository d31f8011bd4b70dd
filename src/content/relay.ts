// The content relay: a stateless bridge between the page of this frame and the
// background. It takes only messages this window posted to itself with our
// tag, and it answers only to this window's own origin — never to '*'. It adds
// nothing about the caller: the background asks the browser who sent it.
import type { WalletErrorShape } from '../shared/errors';
import { NS, type PageRequest, type Reply, type WalletEvent } from '../shared/protocol';

export interface RelayPort {
  send(message: unknown): Promise<unknown>;
  /** Messages from the background; what the listener returns (if anything) is the answer. */
  onEvent(listener: (message: unknown) => unknown): void;
}

const UNREACHABLE: Reply = {
  ok: false,
  error: { code: -32603, message: 'The wallet could not be reached. Reload the page and try again.' },
};

/**
 * The background's reply as the page gets it: a success, or an error of a
 * numeric code and a message alone (the provider puts all it is given on the
 * page's Error); anything else is -32603.
 */
function answerOf(reply: unknown): Reply {
  const r = reply as { ok?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } } | null | undefined;
  if (r?.ok === true) return { ok: true, result: r.result };
  const code = r?.error?.code;
  const message = r?.error?.message;
  return typeof code === 'number' && typeof message === 'string'
    ? { ok: false, error: { code: code as WalletErrorShape['code'], message } }
    : UNREACHABLE;
}

export function startRelay(win: Window, port: RelayPort): void {
  const origin = win.location.origin;
  if (origin === 'null') return;
  const toPage = (message: object) => win.postMessage({ ns: NS, ...message }, origin);

  win.addEventListener('message', (event) => {
    const d = event.data as Partial<PageRequest> | { ns?: unknown; kind?: unknown } | null;
    if (event.source !== win || event.origin !== origin || !d || d.ns !== NS) return;
    if (d.kind === 'hello') {
      toPage({ kind: 'ready' });
      return;
    }
    if (d.kind === 'subscribe') {
      port.send({ ns: NS, kind: 'subscribe' }).catch(() => undefined);
      return;
    }
    if (d.kind !== 'request' || !('id' in d)) return;
    const id = d.id;
    if (typeof id !== 'string' || id.length > 100) return;
    // Said at once (unless the provider has heard this relay already), so
    // the provider stops this request's clock: the request is in the
    // wallet's hands now, and its answer may take minutes.
    if (d.heard !== 0) toPage({ kind: 'ready', id });
    Promise.resolve()
      .then(() => port.send({ ns: NS, kind: 'request', method: d.method, params: d.params }))
      .then(
        (reply) => toPage({ kind: 'response', id, ...answerOf(reply) }),
        () => toPage({ kind: 'response', id, ...UNREACHABLE }),
      );
  });

  port.onEvent((message) => {
    const m = message as Partial<Omit<WalletEvent, 'kind'>> & { kind?: unknown } | null;
    if (m?.ns !== NS) return undefined;
    // Which page this is, asked of a tab's top frame: Firefox does not tell
    // the background a tab's address without the tabs permission.
    if (m.kind === 'whereAmI') return origin;
    // The background addresses each event to one origin; a frame that has since
    // navigated elsewhere must not pass it on.
    if (m.kind === 'event' && m.origin === origin) toPage({ kind: 'event', name: m.name, data: m.data });
    return undefined;
  });

  // The provider holds the page's requests until it hears this.
  toPage({ kind: 'ready' });
}
