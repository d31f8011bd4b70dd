// A page of a test site, as a site's own scripts see the wallet.
import type { E2EPage, WalletBrowser } from '../harness';

export interface Answer {
  result?: unknown;
  error?: { code: number; message: string };
}

interface SiteWindow {
  site: {
    providers: { info: Record<string, string>; provider: object }[];
    request(method: unknown, params?: unknown): Promise<Answer>;
  };
}

export class SitePage {
  private constructor(readonly page: E2EPage) {}

  static async open(wallet: WalletBrowser, url: string): Promise<SitePage> {
    return new SitePage(await wallet.newPage(url));
  }

  /** What the page learned from `atsign:announceProvider`. */
  announcements() {
    return this.page.evaluate(
      () =>
        (window as unknown as SiteWindow).site.providers.map(({ info, provider }) => ({
          info: { ...info },
          frozen: Object.isFrozen(info) && Object.isFrozen(provider),
          methods: Object.keys(provider).sort(),
        })),
      undefined,
    );
  }

  requestAnnouncement() {
    return this.page.evaluate(() => void window.dispatchEvent(new Event('atsign:requestProvider')), undefined);
  }

  request(method: unknown, params?: unknown): Promise<Answer> {
    return this.page.evaluate(
      ({ method, params }) => (window as unknown as SiteWindow).site.request(method, params),
      { method, params },
    );
  }

  /** Starts a request that waits for the person; `settle(key)` waits for its answer. */
  start(key: string, method: string, params?: unknown): Promise<void> {
    return this.page.evaluate(
      ({ key, method, params }) => {
        const w = window as unknown as SiteWindow & { started?: Record<string, Promise<Answer>> };
        (w.started ??= {})[key] = w.site.request(method, params);
      },
      { key, method, params },
    );
  }

  settle(key: string): Promise<Answer> {
    return this.page.evaluate(
      (key) => (window as unknown as { started: Record<string, Promise<Answer>> }).started[key]!,
      key,
    );
  }

  listen(name: string): Promise<void> {
    return this.page.evaluate((name) => (window as unknown as { site: { listen(n: string): void } }).site.listen(name), name);
  }

  events(): Promise<{ name: string; data: unknown }[]> {
    return this.page.evaluate(
      () => (window as unknown as { site: { events: { name: string; data: unknown }[] } }).site.events.map((e) => ({ ...e })),
      undefined,
    );
  }

  requestInFrame(frameOrigin: string, method: string, params?: unknown): Promise<Answer> {
    return this.page.evaluateInFrame(
      frameOrigin,
      ({ method, params }) => (window as unknown as SiteWindow).site.request(method, params),
      { method, params },
    );
  }

  /**
   * Posts a request envelope by hand, with whatever extra fields a hostile
   * page might add, and resolves with the relay's answer to it.
   */
  postRaw(envelope: Record<string, unknown>): Promise<Answer> {
    return this.page.evaluate(
      (envelope) =>
        new Promise<Answer>((resolve) => {
          const id = `raw-${Math.random()}`;
          window.addEventListener('message', (event) => {
            const d = event.data as { kind?: string; id?: string; ok?: boolean; result?: unknown; error?: Answer['error'] };
            if (d?.kind === 'response' && d.id === id) resolve(d.ok ? { result: d.result } : { error: d.error });
          });
          window.postMessage({ ...envelope, id }, location.origin);
        }),
      envelope,
    );
  }

  text(selector: string) {
    return this.page.textOf(selector);
  }

  close() {
    return this.page.close();
  }
}
