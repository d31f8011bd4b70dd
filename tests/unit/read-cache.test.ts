import { describe, expect, it, vi } from 'vitest';
import { IdentitiesRepo, type IdentityRecord } from '@/src/background/db/identities-repo';
import { ReadCache } from '@/src/background/db/read-cache';
import { SettingsRepo } from '@/src/background/db/settings-repo';
import { seal, unseal } from '@/src/background/vault/sealing';
import { freshDatabase } from './support/services';

describe('the read cache in front of grants, personas, settings and identities', () => {
  it('serves a value it read, and reads again after a write', async () => {
    const cache = new ReadCache<string, string>();
    let stored = 'granted';
    let loads = 0;
    const load = async () => (loads++, stored);
    expect(await cache.read('k', load)).toBe('granted');
    expect(await cache.read('k', load)).toBe('granted');
    expect(loads).toBe(1);
    await cache.write(async () => void (stored = 'revoked'));
    expect(await cache.read('k', load)).toBe('revoked');
  });

  it('does not keep a read that overlapped a write', async () => {
    const cache = new ReadCache<string, string>();
    let stored: string | undefined = 'granted';
    let release!: () => void;
    const slowRead = cache.read('k', () => new Promise<string | undefined>((r) => (release = () => r('granted'))));
    await cache.write(async () => void (stored = undefined));
    release();
    expect(await slowRead).toBe('granted');
    // The stale answer was not kept: the next read sees the write.
    expect(await cache.read('k', async () => stored)).toBeUndefined();
  });
});

describe('the read caches in front of settings and identities', () => {
  it('a setting is read back as last set, and read from the table once', async () => {
    const db = freshDatabase();
    const settings = new SettingsRepo(db);
    const reads = vi.spyOn(db.settings, 'get');
    expect(await settings.get('activeAtSign')).toBeNull();
    await settings.set('activeAtSign', '@alice');
    expect(await settings.get('activeAtSign')).toBe('@alice');
    expect(await settings.get('activeAtSign')).toBe('@alice');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('an identity removed, or resealed under a new passphrase, is never served as it was', async () => {
    const db = freshDatabase();
    const identities = new IdentitiesRepo(db);
    const aes = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const [before, after] = await Promise.all([aes(), aes()]);
    const record = { atSign: '@alice', secrets: await seal(before, { signingSeed: 'seed' }) } as unknown as IdentityRecord;
    expect(await identities.add(record)).toBe(true);
    expect(await unseal(before, (await identities.get('@alice'))!.secrets)).toEqual({ signingSeed: 'seed' });
    // A passphrase change: the secrets are sealed again under the new key, then committed.
    const commit = await identities.reseal({ from: before, to: after });
    await commit();
    expect(await unseal(after, (await identities.get('@alice'))!.secrets)).toEqual({ signingSeed: 'seed' });
    await identities.remove('@alice');
    expect(await identities.get('@alice')).toBeUndefined();
  });
});
