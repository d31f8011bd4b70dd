// The content relay: a stateless bridge between the page of this frame and the
// background. It takes only messages this window posted to itself with our
// tag, and it answers only to this window's own origin — never to '*'. It adds
// nothing about the caller: the background asks the browser who sent it.
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
    // A provider not yet sure that a relay hears it (a page can forge `ready`)
    // asks to be told at once that its request arrived.
    if (d.ack) toPage({ kind: 'ready', id });
    Promise.resolve()
      .then(() => port.send({ ns: NS, kind: 'request', method: d.method, params: d.params }))
      .then(
        (reply) => toPage({ kind: 'response', id, ...((reply as Reply | undefined) ?? UNREACHABLE) }),
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
