// The vault: whether the wallet is unlocked, and the key that seals
// everything secret or personal at rest. The key lives in memory and in
// storage.session only — so a service-worker restart keeps the wallet
// unlocked and a browser restart locks it.
import { decodeBase64, encodeBase64 } from '@/src/shared/base64';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { VaultRecord, VaultRepo } from '../db/vault-repo';
import type { SealedStore } from './sealed-store';
import { deriveKeyBytes, importVaultKey, PBKDF2_ITERATIONS, randomBytes, seal, unseal, type Sealed } from './sealing';

const CHECK_VALUE = 'atsign-wallet vault check';
const SESSION_KEY = 'vaultKey';

/** The part of storage.session the vault uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface VaultDeps {
  repo: VaultRepo;
  session: SessionArea;
  now: () => number;
  /** Stores whose sealed records move to the new key when the passphrase changes. */
  sealedStores: SealedStore[];
  /** Runs writes in one IndexedDB transaction over every table. */
  transact: (writes: () => Promise<void>) => Promise<void>;
  iterations?: number;
}

/** No wait for the first two mistakes, then 1 s, 2 s, 4 s … up to 5 minutes. */
export function retryDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(1000 * 2 ** (failures - 3), 300_000);
}

export class Vault {
  private key: CryptoKey | null = null;
  private restoring: Promise<void> | null = null;
  private readonly lockListeners: (() => void)[] = [];

  constructor(private readonly deps: VaultDeps) {}

  async initialized(): Promise<boolean> {
    return (await this.deps.repo.get()) !== undefined;
  }

  async isUnlocked(): Promise<boolean> {
    await this.restore();
    return this.key !== null;
  }

  /** The vault key, or 4900 when the wallet is locked. */
  async requireKey(): Promise<CryptoKey> {
    await this.restore();
    if (!this.key) throw new WalletError(ErrorCode.Locked, 'The wallet is locked');
    return this.key;
  }

  async seal(value: unknown): Promise<Sealed> {
    return seal(await this.requireKey(), value);
  }

  async unseal<T>(sealed: Sealed): Promise<T> {
    return unseal<T>(await this.requireKey(), sealed);
  }

  onLock(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  async setup(passphrase: string): Promise<void> {
    if (await this.initialized())
      throw new WalletError(ErrorCode.InvalidRequest, 'This wallet already has a passphrase');
    const { record, bytes } = await this.newRecord(passphrase);
    await this.deps.repo.put(record);
    await this.open(bytes);
  }

  async unlock(passphrase: string): Promise<void> {
    const bytes = await this.check(passphrase);
    await this.open(bytes);
  }

  /** Proves the passphrase again (before an export or a removal) without changing the lock state. */
  async confirm(passphrase: string): Promise<void> {
    await this.check(passphrase);
  }

  async lock(): Promise<void> {
    const wasUnlocked = this.key !== null;
    this.key = null;
    this.restoring = Promise.resolve();
    await this.deps.session.remove(SESSION_KEY);
    if (wasUnlocked) this.lockListeners.forEach((listener) => listener());
  }

  /** Re-seals every store under a key from the new passphrase: all of it, or none. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const from = await importVaultKey(await this.check(current));
    const { record, bytes } = await this.newRecord(next);
    const to = await importVaultKey(bytes);
    const writes = await Promise.all(this.deps.sealedStores.map((store) => store.reseal({ from, to })));
    await this.deps.transact(async () => {
      for (const write of writes) await write();
      await this.deps.repo.put(record);
    });
    await this.open(bytes);
  }

  private async newRecord(passphrase: string) {
    const salt = randomBytes(16);
    const iterations = this.deps.iterations ?? PBKDF2_ITERATIONS;
    const bytes = await deriveKeyBytes(passphrase, salt, iterations);
    const check = await seal(await importVaultKey(bytes), CHECK_VALUE);
    const record: VaultRecord = {
      id: 'vault',
      kdf: 'PBKDF2-SHA256',
      salt,
      iterations,
      check,
      createdAt: this.deps.now(),
      failures: 0,
      lastFailureAt: null,
    };
    return { record, bytes };
  }

  /** The key bytes for a right passphrase; a wrong one is counted and slows the next try. */
  private async check(passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
    const record = await this.deps.repo.get();
    if (!record) throw new WalletError(ErrorCode.InvalidRequest, 'Set a passphrase first');
    const waitMs = (record.lastFailureAt ?? 0) + retryDelayMs(record.failures) - this.deps.now();
    if (waitMs > 0) {
      throw new WalletError(ErrorCode.Unauthorized, `Too many wrong passphrases. Try again in ${Math.ceil(waitMs / 1000)} s.`, {
        reason: 'retry-later',
        retryInMs: waitMs,
      });
    }
    const bytes = await deriveKeyBytes(passphrase, record.salt, record.iterations);
    try {
      if ((await unseal<string>(await importVaultKey(bytes), record.check)) !== CHECK_VALUE) throw new Error('check');
    } catch {
      const failures = await this.deps.repo.recordFailure(this.deps.now());
      throw new WalletError(ErrorCode.Unauthorized, 'That passphrase is not right.', {
        reason: 'wrong-passphrase',
        retryInMs: retryDelayMs(failures),
      });
    }
    if (record.failures > 0) await this.deps.repo.clearFailures();
    return bytes;
  }

  private async open(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    this.key = await importVaultKey(bytes);
    this.restoring = Promise.resolve();
    await this.deps.session.set({ [SESSION_KEY]: encodeBase64(bytes) });
  }

  /** After a service-worker restart, picks the key up from storage.session once. */
  private restore(): Promise<void> {
    this.restoring ??= (async () => {
      const stored = (await this.deps.session.get(SESSION_KEY))[SESSION_KEY];
      const bytes = typeof stored === 'string' ? decodeBase64(stored) : null;
      if (bytes && !this.key) this.key = await importVaultKey(bytes);
    })();
    return this.restoring;
  }
}
