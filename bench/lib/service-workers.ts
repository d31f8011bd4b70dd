// Stopping service workers from a page that stays open. The e2e harness's
// restartBackground() stops them from a page it then closes — and closing any
// tab wakes the wallet's worker again (it listens to tabs.onRemoved), so the
// next call would find it already starting. Here nothing closes, and the
// browser's own status reports say when every worker is really stopped.
import type { BrowserContext, Page } from 'playwright-core';

type Status = 'stopped' | 'starting' | 'running' | 'stopping';

export interface WorkerControl {
  /** Stops every service worker and resolves once the browser reports them all stopped. */
  stopAll(): Promise<void>;
  allStopped(): boolean;
}

export async function controlWorkers(context: BrowserContext, page: Page): Promise<WorkerControl> {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, Status>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus as Status);
  });
  await cdp.send('ServiceWorker.enable');
  const allStopped = () => status.size > 0 && [...status.values()].every((s) => s === 'stopped');
  return {
    allStopped,
    async stopAll() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (const start = Date.now(); !allStopped(); await new Promise((r) => setTimeout(r, 10))) {
        if (Date.now() - start > 5_000) throw new Error(`service workers did not stop: ${[...status.values()].join(', ')}`);
      }
    },
  };
}
