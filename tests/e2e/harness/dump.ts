// Everything the wallet keeps on disk — every IndexedDB database and
// storage.local — read from one of its own pages, as someone with the disk
// could. Strings come back as they are; byte arrays as hex.
import type { WalletBrowser } from './types';

export interface StorageDump {
  strings: string[];
  bytesHex: string[];
}

type ExtensionApi = { storage: { local: { get(): Promise<Record<string, unknown>> } } };

export async function dumpStorage(wallet: WalletBrowser): Promise<StorageDump> {
  const page = await wallet.openExtensionPage('/popup.html');
  try {
    return await page.evaluate(async () => {
      const strings: string[] = [];
      const bytesHex: string[] = [];
      const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
      const walk = (v: unknown): void => {
        if (typeof v === 'string') strings.push(v);
        else if (v instanceof ArrayBuffer) bytesHex.push(hex(new Uint8Array(v)));
        else if (ArrayBuffer.isView(v)) bytesHex.push(hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object')
          Object.entries(v).forEach(([k, x]) => {
            strings.push(k);
            walk(x);
          });
      };
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (const name of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const req = db.transaction(name).objectStore(name).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          walk(rows);
        }
        db.close();
      }
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      walk(await (scope.browser ?? scope.chrome).storage.local.get());
      return { strings, bytesHex };
    }, undefined);
  } finally {
    await page.close();
  }
}
