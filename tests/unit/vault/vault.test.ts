import { describe, expect, it } from 'vitest';
import { IdentitiesRepo, type IdentityRecord } from '@/src/background/db/identities-repo';
import { VaultRepo } from '@/src/background/db/vault-repo';
import { PBKDF2_ITERATIONS } from '@/src/background/vault/sealing';
import { retryDelayMs, Vault } from '@/src/background/vault/vault';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { clock, freshDb, makeVault, memorySession } from './support';

const PASS = 'correct horse battery';

async function failure(promise: Promise<unknown>): Promise<WalletError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof WalletError)) throw new Error(`expected a WalletError, got ${String(error)}`);
  return error;
}

describe('the vault', () => {
  it('is locked and uninitialised until a passphrase is set, then unlocked', async () => {
    const vault = makeVault(freshDb(), memorySession(), clock());
    expect(await vault.initialized()).toBe(false);
    expect(await vault.isUnlocked()).toBe(false);
    expect((await failure(vault.requireKey())).code).toBe(ErrorCode.Locked);
    await vault.setup(PASS);
    expect(await vault.initialized()).toBe(true);
    expect(await vault.isUnlocked()).toBe(true);
    expect((await failure(vault.setup('another passphrase'))).code).toBe(ErrorCode.InvalidRequest);
  });

  it('stays unlocked across a background restart and locks on a browser restart', async () => {
    const db = freshDb();
    const session = memorySession();
    const time = clock();
    const first = makeVault(db, session, time);
    await first.setup(PASS);
    const sealed = await first.seal({ secret: 'kept' });

    const afterWorkerRestart = makeVault(db, session, time);
    expect(await afterWorkerRestart.isUnlocked()).toBe(true);
    expect(await afterWorkerRestart.unseal(sealed)).toEqual({ secret: 'kept' });

    const afterBrowserRestart = makeVault(db, memorySession(), time);
    expect(await afterBrowserRestart.isUnlocked()).toBe(false);
    await afterBrowserRestart.unlock(PASS);
    expect(await afterBrowserRestart.unseal(sealed)).toEqual({ secret: 'kept' });
  });

  it('locks at once and forgets the key in session storage', async () => {
    const session = memorySession();
    const vault = makeVault(freshDb(), session, clock());
    await vault.setup(PASS);
    expect(session.items.size).toBe(1);
    let told = 0;
    vault.onLock(() => told++);
    await vault.lock();
    expect(await vault.isUnlocked()).toBe(false);
    expect(session.items.size).toBe(0);
    expect(told).toBe(1);
  });

  it('refuses a wrong passphrase with a clear message and a growing delay', async () => {
    const db = freshDb();
    const time = clock();
    const vault = makeVault(db, memorySession(), time);
    await vault.setup(PASS);
    await vault.lock();

    for (let i = 1; i <= 3; i++) {
      const wrong = await failure(vault.unlock(`wrong ${i}`));
      expect(wrong.message).toBe('That passphrase is not right.');
      expect(wrong.data).toMatchObject({ reason: 'wrong-passphrase', retryInMs: retryDelayMs(i) });
      time.advance(retryDelayMs(i));
    }
    // A fourth mistake means a two-second wait — even for the right passphrase,
    // and even after a restart, since the count is on disk.
    await failure(vault.unlock('wrong 4'));
    const restarted = makeVault(db, memorySession(), time);
    const early = await failure(restarted.unlock(PASS));
    expect(early.data).toMatchObject({ reason: 'retry-later' });
    expect(early.message).toMatch(/Try again in 2 s/);

    time.advance(2_000);
    await restarted.unlock(PASS);
    expect((await new VaultRepo(db).get())?.failures).toBe(0);
  });

  it('grows the delay from 1 s to at most 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 11, 40].map(retryDelayMs)).toEqual([0, 0, 1000, 2000, 4000, 256_000, 300_000]);
  });

  it('derives the key with PBKDF2-SHA256 at 600,000 iterations unless told otherwise', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const db = freshDb();
    const time = clock();
    const vault = new Vault({
      repo: new VaultRepo(db),
      session: memorySession(),
      now: time.now,
      sealedStores: [],
      transact: (w) => db.transaction('rw', db.tables, w),
    });
    await vault.setup(PASS);
    expect(await new VaultRepo(db).get()).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS });
  });
});

describe('changing the passphrase', () => {
  const identity = async (vault: Vault, atSign: string): Promise<IdentityRecord> => ({
    atSign,
    fingerprint: 'f',
    pkamFingerprint: 'p',
    source: 'imported',
    addedAt: 1,
    signingPublicKey: 's',
    pkamPublicKey: 'pk',
    encryptionPublicKey: 'ek',
    binding: { atKey: 'a', value: 'v', dataSignature: 'd', encryptionPublicKey: 'ek' },
    secrets: await vault.seal({ pkamPrivateKey: `secret of ${atSign}` }),
  });

  it('re-seals every record under the new passphrase', async () => {
    const db = freshDb();
    const time = clock();
    const identities = new IdentitiesRepo(db);
    const vault = makeVault(db, memorySession(), time, [identities]);
    await vault.setup(PASS);
    await identities.add(await identity(vault, '@alice'));
    await identities.add(await identity(vault, '@bob'));

    await vault.changePassphrase(PASS, 'a brand new passphrase');

    const later = makeVault(db, memorySession(), time, [identities]);
    expect((await failure(later.unlock(PASS))).data).toMatchObject({ reason: 'wrong-passphrase' });
    await later.unlock('a brand new passphrase');
    const bob = await identities.get('@bob');
    expect(await later.unseal(bob!.secrets)).toEqual({ pkamPrivateKey: 'secret of @bob' });
  });

  it('changes nothing when the current passphrase is wrong or a write fails', async () => {
    const db = freshDb();
    const time = clock();
    const identities = new IdentitiesRepo(db);
    const failing = {
      reseal: async () => async () => {
        throw new Error('disk full');
      },
    };
    const vault = makeVault(db, memorySession(), time, [identities, failing]);
    await vault.setup(PASS);
    await identities.add(await identity(vault, '@alice'));
    const before = await identities.get('@alice');

    expect((await failure(vault.changePassphrase('not it', 'a brand new passphrase'))).code).toBe(
      ErrorCode.Unauthorized,
    );
    time.advance(10_000);
    await expect(vault.changePassphrase(PASS, 'a brand new passphrase')).rejects.toThrow('disk full');

    expect(await identities.get('@alice')).toEqual(before);
    const later = makeVault(db, memorySession(), time, [identities]);
    await later.unlock(PASS);
    expect(await later.unseal(before!.secrets)).toEqual({ pkamPrivateKey: 'secret of @alice' });
  });
});
