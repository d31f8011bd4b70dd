// Finding the wallets in this page, EIP-6963 style with our own event names:
// listen for 'atsign:announceProvider', then ask with 'atsign:requestProvider'.
// Nothing here touches the DOM until it is called, so the module imports
// cleanly in Node (where discovery finds nothing).
import type { ProviderDetail } from './types';

export const ANNOUNCE_EVENT = 'atsign:announceProvider';
export const REQUEST_EVENT = 'atsign:requestProvider';

/** The part of `window` discovery uses; pass your own to test or to use another window. */
export type DiscoveryTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;

const defaultTarget = (): DiscoveryTarget | undefined =>
  typeof window === 'undefined' ? undefined : window;

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Any script in the page can dispatch this event, so a detail is used only if
 * it has the promised shape. The icon must be an image `data:` URI: a site
 * shows it as an <img>, and a remote URL there would let the announcer track
 * the visitor.
 */
function asProviderDetail(event: Event): ProviderDetail | null {
  const detail = (event as CustomEvent<unknown>).detail as { info?: unknown; provider?: unknown } | null;
  if (typeof detail !== 'object' || detail === null) return null;
  const info = detail.info as Record<string, unknown> | null | undefined;
  const provider = detail.provider as Record<string, unknown> | null | undefined;
  if (typeof info !== 'object' || info === null || typeof provider !== 'object' || provider === null) return null;
  if (!isString(info.uuid) || !info.uuid || !isString(info.name) || !isString(info.rdns)) return null;
  if (!isString(info.icon) || !info.icon.startsWith('data:image/')) return null;
  if (typeof provider.request !== 'function' || typeof provider.on !== 'function') return null;
  if (typeof provider.removeListener !== 'function') return null;
  return detail as unknown as ProviderDetail;
}

/**
 * Calls `callback` for every wallet that announces itself from now on,
 * including ones that load late. Returns a function that stops listening.
 * It does not ask wallets to announce; `discoverProviders` does.
 */
export function onProviderAnnounced(
  callback: (detail: ProviderDetail) => void,
  target: DiscoveryTarget | undefined = defaultTarget(),
): () => void {
  if (!target) return () => {};
  const listener = (event: Event) => {
    const detail = asProviderDetail(event);
    if (detail) callback(detail);
  };
  target.addEventListener(ANNOUNCE_EVENT, listener);
  return () => target.removeEventListener(ANNOUNCE_EVENT, listener);
}

/**
 * Asks every wallet in the page to announce itself and resolves with those
 * that answered within `timeoutMs`, one per `info.uuid` (the first answer
 * wins), in the order they answered. Resolves with [] where there is no window.
 */
export function discoverProviders({
  timeoutMs = 300,
  target = defaultTarget(),
}: { timeoutMs?: number; target?: DiscoveryTarget } = {}): Promise<ProviderDetail[]> {
  if (!target) return Promise.resolve([]);
  const found = new Map<string, ProviderDetail>();
  const stop = onProviderAnnounced((detail) => {
    if (!found.has(detail.info.uuid)) found.set(detail.info.uuid, detail);
  }, target);
  target.dispatchEvent(new Event(REQUEST_EVENT));
  return new Promise((resolve) => {
    setTimeout(() => {
      stop();
      resolve([...found.values()]);
    }, timeoutMs);
  });
}
