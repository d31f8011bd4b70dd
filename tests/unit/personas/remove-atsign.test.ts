// Removing an atSign asks for the passphrase again, checked as for an export:
// a wrong, missing or malformed one removes nothing.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@/src/shared/errors';
import { BARBARA, PASSPHRASE, walletWithBarbara, type Wallet } from './support';

const ORIGIN = 'https://shop.example';

/** @barbara with a filled-in persona and a site's grant on it: everything a removal takes away. */
async function walletWithAGrant() {
  const w = await walletWithBarbara();
  const work = await w.persona('Work');
  await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
  const grant = await w.grant(ORIGIN, work.id, ['email']);
  return { w, grant };
}

/** What the wallet holds of @barbara, to compare before and after. */
async function held(w: Wallet) {
  return {
    identities: (await w.db.identities.toArray()).map((i) => i.atSign),
    personas: await w.list(),
    grants: await w.db.grants.toArray(),
    active: (await w.ok('wallet_getState')).activeAtSign,
  };
}

describe('removing an atSign', () => {
  it('removes it, its personas and its grants with the right passphrase', async () => {
    const { w } = await walletWithAGrant();
    const state = await w.ok('wallet_removeAtSign', { atSign: BARBARA, passphrase: PASSPHRASE });
    expect(state.identities).toEqual([]);
    expect(state.activeAtSign).toBeNull();
    expect(await w.db.identities.count()).toBe(0);
    expect(await w.db.personas.count()).toBe(0);
    expect(await w.db.grants.count()).toBe(0);
  });

  it('refuses a wrong passphrase in words, as export does, and removes nothing', async () => {
    const { w, grant } = await walletWithAGrant();
    const before = await held(w);
    expect(before.identities).toEqual([BARBARA]);
    expect(before.grants).toEqual([expect.objectContaining({ id: grant.id, origin: ORIGIN })]);

    const reply = await w.call('wallet_removeAtSign', { atSign: BARBARA, passphrase: 'not the passphrase' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Unauthorized, message: 'That passphrase is not right.', data: { reason: 'wrong-passphrase' } },
    });
    const exported = await w.call('wallet_exportAtKeys', { atSign: BARBARA, passphrase: 'not the passphrase' });
    expect(exported.ok ? null : exported.error).toEqual(reply.ok ? null : reply.error);
    expect(await held(w)).toEqual(before);
  });

  it.each([
    ['no passphrase', { atSign: BARBARA }],
    ['an empty passphrase', { atSign: BARBARA, passphrase: '' }],
    ['a passphrase that is not a string', { atSign: BARBARA, passphrase: 42 }],
    ['a passphrase that is too long', { atSign: BARBARA, passphrase: 'x'.repeat(1025) }],
    ['an unknown key', { atSign: BARBARA, passphrase: PASSPHRASE, force: true }],
    ['no atSign', { passphrase: PASSPHRASE }],
  ])('refuses %s with -32602 and removes nothing', async (_, params) => {
    const { w } = await walletWithAGrant();
    const before = await held(w);
    await w.fails(ErrorCode.InvalidParams, 'wallet_removeAtSign', params);
    expect(await held(w)).toEqual(before);
  });

  it('counts wrong passphrases with unlock and export, and waits as they do', async () => {
    const { w } = await walletWithAGrant();
    const before = await held(w);
    await w.fails(ErrorCode.Unauthorized, 'wallet_exportAtKeys', { atSign: BARBARA, passphrase: 'wrong once' });
    await w.fails(ErrorCode.Unauthorized, 'wallet_removeAtSign', { atSign: BARBARA, passphrase: 'wrong twice' });
    await w.fails(ErrorCode.Unauthorized, 'wallet_removeAtSign', { atSign: BARBARA, passphrase: 'wrong three times' });
    expect((await w.db.vault.get('vault'))?.failures).toBe(3);

    // The fourth try waits, even with the right passphrase; nothing is removed meanwhile.
    const reply = await w.call('wallet_removeAtSign', { atSign: BARBARA, passphrase: PASSPHRASE });
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.Unauthorized, data: { reason: 'retry-later' } } });
    expect(reply.ok ? '' : reply.error.message).toMatch(/^Too many wrong passphrases\. Try again in \d+ s\.$/);
    expect(await held(w)).toEqual(before);

    // Once the wait is over (the vault keeps real time), the right passphrase removes it.
    await w.db.vault.update('vault', { lastFailureAt: Date.now() - 60_000 });
    await w.ok('wallet_removeAtSign', { atSign: BARBARA, passphrase: PASSPHRASE });
    expect(await w.db.identities.count()).toBe(0);
    expect((await w.db.vault.get('vault'))?.failures).toBe(0);
  });

  it('is refused while the wallet is locked, before the passphrase is looked at', async () => {
    const { w } = await walletWithAGrant();
    const before = await held(w);
    await w.ok('wallet_lock');
    await w.fails(ErrorCode.Locked, 'wallet_removeAtSign', { atSign: BARBARA, passphrase: PASSPHRASE });
    expect((await w.db.vault.get('vault'))?.failures).toBe(0);
    await w.ok('wallet_unlock', { passphrase: PASSPHRASE });
    expect(await held(w)).toEqual(before);
  });
});
