// Puts wallet state in place the way the wallet itself stores it, from one of
// the extension's own pages (the only place that can reach its storage), so a
// test need not click through onboarding. There is no test-only door in the
// shipped extension: this writes to IndexedDB the way any extension page could.
// The background keeps what it has read of its tables (it alone writes them):
// seed before the wallet has listed or looked up grants, or restart the
// background afterwards.
import type { Grant } from '@/src/shared/grant';
import { NS } from '@/src/shared/protocol';
import type { WalletBrowser } from './types';

type ExtensionApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export async function seedGrants(wallet: WalletBrowser, grants: Grant[]): Promise<void> {
  const page = await wallet.openExtensionPage('/popup.html');
  await page.evaluate(
    async ({ grants, ns }) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      const ext = scope.browser ?? scope.chrome;
      // Any call makes the background open its database, creating it at its current version;
      // this one reads no grants, so the background keeps none from before the seeding.
      await ext.runtime.sendMessage({ ns, kind: 'request', method: 'wallet_getState' });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('atsign-wallet');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('grants', 'readwrite');
        for (const grant of grants) tx.objectStore('grants').put(grant);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { grants, ns: NS },
  );
  await page.close();
}

let seq = 0;
export function grantFor(origin: string, overrides: Partial<Grant> = {}): Grant {
  return {
    id: `grant-${++seq}`,
    origin,
    atSign: '@alice🛠',
    personaId: 'persona-public',
    fields: ['name'],
    grantedAt: Date.now(),
    expiresAt: null,
    ...overrides,
  };
}
