// Code the benchmarks run inside a web page (each function is serialised, so
// it is self-contained). Times are taken in the page with performance.now(),
// so the driver's own round trips never count.

/** Milliseconds from navigation start to the end of DOMContentLoaded for the page now shown. */
export const domContentLoadedMs = () => {
  const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (!nav || nav.domContentLoadedEventEnd === 0) throw new Error('no navigation timing yet');
  return nav.domContentLoadedEventEnd - nav.startTime;
};

/** Whether the wallet announced a provider within `timeoutMs`. */
export const walletAnnounced = (timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    window.addEventListener('atsign:announceProvider', () => resolve(true), { once: true });
    window.dispatchEvent(new Event('atsign:requestProvider'));
    setTimeout(() => resolve(false), timeoutMs);
  });

/** `n` echo round trips through the bench echo extension, one after another. */
export const timeEchoes = async ({ tag, n, timeoutMs }: { tag: string; n: number; timeoutMs: number }) => {
  const pending = new Map<string, () => void>();
  const onMessage = (event: MessageEvent) => {
    const d = event.data as { tag?: string; kind?: string; id?: string } | null;
    if (event.source === window && d?.tag === tag && d.kind === 'pong') pending.get(d.id!)?.();
  };
  window.addEventListener('message', onMessage);
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const id = `${i}:${Math.random()}`;
      // Carries what a wallet request carries, so both paths move the same kind of message.
      const message = { tag, kind: 'ping', id, method: 'atsign_getGrant', params: undefined };
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        pending.set(id, resolve);
        window.postMessage(message, location.origin);
        if (timeoutMs) setTimeout(() => reject(new Error('no echo: is the echo extension loaded?')), timeoutMs);
      });
      times.push(performance.now() - start);
      pending.delete(id);
    }
  } finally {
    window.removeEventListener('message', onMessage);
  }
  return times;
};

type Provider = { request(args: { method: string; params?: unknown }): Promise<unknown> };

/** `n` calls of one page API method through the wallet's provider, one after another; the last answer too. */
export const timeRequests = async ({ method, params, n }: { method: string; params?: unknown; n: number }) => {
  // Discovery as any site does it (DESIGN.md §3).
  const provider = await new Promise<Provider>((resolve) => {
    window.addEventListener('atsign:announceProvider', (e) => resolve((e as CustomEvent).detail.provider), { once: true });
    window.dispatchEvent(new Event('atsign:requestProvider'));
  });
  const args = params === undefined ? { method } : { method, params };
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    last = await provider.request(args);
    times.push(performance.now() - start);
  }
  return { times, last };
};
