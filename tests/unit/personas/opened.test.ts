// A site reading the same persona again costs no decryption, and still sees
// every edit at once; locking the wallet ends reads.
import { describe, expect, it, vi } from 'vitest';
import { findPersona } from '@/src/background/personas/personas';
import { ErrorCode } from '@/src/shared/errors';
import { PASSPHRASE, walletWithBarbara } from './support';

describe('reading a persona again', () => {
  it('opens it once, then again only after an edit', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { name: 'Barbara' } });
    const unseal = vi.spyOn(w.services.vault, 'unseal');

    expect((await findPersona(work.id, w.services))?.fields).toEqual({ name: 'Barbara' });
    expect((await findPersona(work.id, w.services))?.fields).toEqual({ name: 'Barbara' });
    expect(unseal).toHaveBeenCalledTimes(1);

    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { name: 'Barbara Jensen' } });
    expect((await findPersona(work.id, w.services))?.fields).toEqual({ name: 'Barbara Jensen' });
  });

  it('gives nothing once the wallet is locked, and opens afresh after unlock', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await findPersona(work.id, w.services);
    await w.ok('wallet_lock');
    await expect(findPersona(work.id, w.services)).rejects.toMatchObject({ code: ErrorCode.Locked });
    await w.ok('wallet_unlock', { passphrase: PASSPHRASE });
    const unseal = vi.spyOn(w.services.vault, 'unseal');
    expect((await findPersona(work.id, w.services))?.name).toBe('Work');
    expect(unseal).toHaveBeenCalledTimes(1);
  });

  it('cannot be changed through what it returns', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { name: 'Barbara' } });
    const first = await findPersona(work.id, w.services);
    expect(() => Object.assign(first!.fields, { name: 'Mallory' })).toThrow();
    expect((await findPersona(work.id, w.services))?.fields).toEqual({ name: 'Barbara' });
  });
});
