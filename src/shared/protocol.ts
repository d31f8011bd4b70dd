// The envelopes that carry a request from a page (or an extension page) to the
// background and back. The namespace tag lets each hop ignore every message
// that is not ours; it is a filter, never a credential.
import type { WalletErrorShape } from './errors';

export const NS = 'atsign-wallet/1';

/** page → relay, over window.postMessage (target: the page's own origin). */
export interface PageRequest {
  ns: typeof NS;
  kind: 'request';
  id: string;
  method: unknown;
  /**
   * The params as JSON text. A page's own objects reach a content script
   * through the browser's wrappers, which in Firefox hide keys such as
   * `__proto__` or `constructor`; text arrives whole, so the background sees
   * exactly what the page sent and refuses what it should.
   */
  params: unknown;
  /**
   * 0 from a provider that has heard this relay say it holds one of its
   * requests (so it hears everything posted since): no need to say so again.
   * Otherwise the relay answers at once with `ready` carrying this `id` (a
   * page can forge `ready`, so until then each request is on a clock).
   */
  heard?: unknown;
}

/** The longest params text a page may send; a page method's params are far smaller. */
export const MAX_PAGE_PARAMS_TEXT = 64 * 1024;

/** relay or UI → background, over runtime.sendMessage. */
export interface BackgroundRequest {
  ns: typeof NS;
  kind: 'request';
  method: unknown;
  params: unknown;
}

/** page → relay → background: this frame listens to events (sent on the first provider.on). */
export interface Subscribe {
  ns: typeof NS;
  kind: 'subscribe';
}

/**
 * relay → page: the relay of this frame is listening; page → relay: are you?
 * The relay starts after the provider (once the page has loaded), so the
 * provider holds requests until it hears `ready`; a relay already running
 * answers a provider's `hello` with `ready`. With an `id`, the relay has that
 * request: it says so at once for each request not marked `heard: 0`. A page
 * can post a `ready` too: until the provider has one with the id of its own
 * request, its requests time out (see src/inpage/provider.ts).
 */
export interface RelayReady {
  ns: typeof NS;
  kind: 'ready';
  id?: string;
}
export interface ProviderHello {
  ns: typeof NS;
  kind: 'hello';
}

export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: WalletErrorShape };

/**
 * relay → page: a reply to request `id`. The relay sends `error` only with a
 * numeric code and a message, and `error` only when the request failed: the
 * provider settles on it as it comes.
 */
export type PageResponse = { ns: typeof NS; kind: 'response'; id: string } & Reply;

/** background → relay (tabs.sendMessage), relay → page: an event for one origin. */
export interface WalletEvent {
  ns: typeof NS;
  kind: 'event';
  origin?: string;
  name: string;
  data: unknown;
}

/**
 * background → the wallet's own pages (runtime.sendMessage): an atSign's
 * personas changed without them (another wallet's edit arrived), so a page
 * showing them reads them again. Carries nothing a page could not ask for.
 */
export interface PersonasChanged {
  ns: typeof NS;
  kind: 'personasChanged';
  atSign: string;
}

/** The name of the port each relay opens to the background (runtime.connect). */
export const RELAY_PORT = 'atsign-wallet/relay';

/**
 * relay → background over the relay's port: a request or subscribe, numbered
 * by the relay. A port, not one runtime.sendMessage per request: an answer
 * that is not ready while the listener runs (every answer that reads the
 * database or the vault) costs a one-off message about twice what it costs a
 * port in Chromium.
 */
export interface PortRequest {
  id: number;
  message: BackgroundRequest | Subscribe;
}

/**
 * background → relay over the port, before any work: request `id` arrived. A
 * relay whose port closes sends again only what never arrived.
 */
export interface PortReceived {
  id: number;
  received: true;
}

/** background → relay over the port: the reply to request `id`. */
export interface PortReply {
  id: number;
  reply: Reply;
}

export function isOurs(message: unknown): message is BackgroundRequest | Subscribe {
  if (typeof message !== 'object' || message === null || (message as { ns?: unknown }).ns !== NS) return false;
  const kind = (message as { kind?: unknown }).kind;
  return kind === 'request' || kind === 'subscribe';
}
