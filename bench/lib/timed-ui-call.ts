// One of the wallet's own methods, called from one of its pages exactly as the
// popup does, timed in that page around runtime.sendMessage: what a person
// waits for after pressing the button.
import type { E2EPage } from '../../tests/e2e/harness';
import type { ParamsOf, UiMethodName } from '@/src/shared/methods';
import { NS, type Reply } from '@/src/shared/protocol';

type ExtensionApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export async function timedUiCall<M extends UiMethodName>(page: E2EPage, method: M, params?: ParamsOf<M>): Promise<number> {
  const { ms, reply } = await page.evaluate(
    async ({ ns, method, params }) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      const start = performance.now();
      const reply = (await (scope.browser ?? scope.chrome).runtime.sendMessage({ ns, kind: 'request', method, params })) as Reply;
      return { ms: performance.now() - start, reply };
    },
    { ns: NS, method, params },
  );
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return ms;
}

/** The PBKDF2 iterations of the vault on disk: proof that unlock was timed at the real cost. */
export function storedIterations(page: E2EPage): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('atsign-wallet');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const record = await new Promise<{ iterations: number } | undefined>((resolve, reject) => {
      const get = db.transaction('vault').objectStore('vault').get('vault');
      get.onsuccess = () => resolve(get.result as { iterations: number } | undefined);
      get.onerror = () => reject(get.error);
    });
    db.close();
    if (!record) throw new Error('no vault record');
    return record.iterations;
  }, undefined);
}
