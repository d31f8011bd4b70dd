import { describe, expect, it, vi } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { walletWithBarbara } from '../personas/support';

const SHOP = 'https://shop.example';
const page = (origin: string): PageCaller => ({ kind: 'page', origin, topOrigin: null, tabId: 1, frameId: 0 });

async function setup() {
  const w = await walletWithBarbara();
  const work = await w.persona('Work');
  await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example', name: 'Barbara' } });
  const family = await w.persona('Family');
  await w.ok('wallet_savePersona', { id: family.id, name: 'Family', fields: { email: 'b@home.example' } });
  const grant = await w.grant(SHOP, work.id, ['email', 'name']);
  const emit = vi.spyOn(w.services.events, 'emit');
  const site = createDispatcher(handlers, w.services);
  const read = () => site({ method: 'atsign_readProfile' }, page(SHOP));
  return { w, grant, emit, read, family };
}

describe('managing a site’s access', () => {
  it('revokes at once: the next read is 4100 and the site hears why', async () => {
    const { w, grant, emit, read } = await setup();
    expect(await w.ok('wallet_revokeGrant', { origin: SHOP })).toEqual([]);
    expect(await read()).toMatchObject({ ok: false, error: { code: 4100 } });
    expect(emit).toHaveBeenCalledWith(SHOP, 'revoked', { grantId: grant.id, reason: 'person' });
    expect((await w.ok('wallet_listActivity')).entries[0]).toMatchObject({ kind: 'revoke', origin: SHOP });
  });

  it('removes one field and leaves the others readable', async () => {
    const { w, read, emit } = await setup();
    const [updated] = await w.ok('wallet_updateGrant', { origin: SHOP, removeField: 'email' });
    expect(updated?.fields).toEqual(['name']);
    expect(await read()).toEqual({ ok: true, result: { name: 'Barbara' } });
    expect(emit).toHaveBeenCalledWith(SHOP, 'grantChanged', expect.objectContaining({ fields: ['name'] }));
  });

  it('revokes when the last field is removed', async () => {
    const { w, read } = await setup();
    await w.ok('wallet_updateGrant', { origin: SHOP, removeField: 'email' });
    expect(await w.ok('wallet_updateGrant', { origin: SHOP, removeField: 'name' })).toEqual([]);
    expect(await read()).toMatchObject({ ok: false, error: { code: 4100 } });
  });

  it('switches the persona the site reads from, and changes how long', async () => {
    const { w, read, family } = await setup();
    const before = w.services.now();
    const [updated] = await w.ok('wallet_updateGrant', { origin: SHOP, personaId: family.id, duration: 'hour' });
    expect(updated).toMatchObject({ personaId: family.id, expiresAt: before + 60 * 60_000 });
    expect(await read()).toEqual({ ok: true, result: { email: 'b@home.example' } });
  });

  it('refuses a persona of nobody and a site without access', async () => {
    const { w } = await setup();
    await w.fails(-32602, 'wallet_updateGrant', { origin: SHOP, personaId: 'not-a-persona' });
    await w.fails(-32602, 'wallet_updateGrant', { origin: 'https://nobody.example', removeField: 'email' });
  });
});
