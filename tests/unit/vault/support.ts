import { WalletDatabase } from '@/src/background/db/database';
import { VaultRepo } from '@/src/background/db/vault-repo';
import type { SealedStore } from '@/src/background/vault/sealed-store';
import { Vault, type SessionArea } from '@/src/background/vault/vault';

/** storage.session as the browser keeps it: in memory, gone when the browser restarts. */
export function memorySession(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
    remove: async (key) => void items.delete(key),
  };
}

let dbSeq = 0;
export const freshDb = () => new WalletDatabase(`vault-test-${++dbSeq}-${Math.random()}`);

export interface Clock {
  now: () => number;
  advance(ms: number): void;
}
export function clock(start = 1_700_000_000_000): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** A vault over a real (fake-indexeddb) database, with few PBKDF2 rounds to keep tests quick. */
export function makeVault(
  db: WalletDatabase,
  session: SessionArea,
  time: Clock,
  sealedStores: SealedStore[] = [],
): Vault {
  return new Vault({
    repo: new VaultRepo(db),
    session,
    now: time.now,
    sealedStores,
    transact: (writes) => db.transaction('rw', db.tables, writes),
    iterations: 1_000,
  });
}
