// "Last used" in the popup: when each site last connected, read or signed in.
import { describe, expect, it } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { SITE_USE_STEP } from '@/src/background/db/site-use-repo';
import { walletWithBarbara } from '../personas/support';

const SHOP = 'https://shop.example';
const pageOf = (origin: string): PageCaller => ({ kind: 'page', origin, topOrigin: null, tabId: 3, frameId: 0 });

async function setup() {
  const w = await walletWithBarbara();
  const work = await w.persona('Work');
  await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { name: 'Barbara Jensen', email: 'b@work.example' } });
  const dispatchPage = createDispatcher(handlers, w.services);
  const read = async (origin: string) => {
    const reply = await dispatchPage({ method: 'atsign_readProfile' }, pageOf(origin));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return reply;
  };
  const lastUsed = async (origin: string) => {
    // The note is written after the answer; give it its turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return (await w.ok('wallet_listGrants')).find((g) => g.origin === origin)?.lastUsedAt;
  };
  return { w, work, read, lastUsed };
}

describe('last used', () => {
  it('is "not yet" for a grant no read has used, then the time of the read', async () => {
    const { w, work, read, lastUsed } = await setup();
    await w.grant(SHOP, work.id, ['name']);
    await w.grant('https://other.example', work.id, ['name']);
    expect(await lastUsed(SHOP)).toBeNull();
    expect((await read(SHOP)).ok).toBe(true);
    expect(await lastUsed(SHOP)).toBe(w.clock.now);
    expect(await lastUsed('https://other.example')).toBeNull();
  });

  it('moves on with later reads, a minute at a time, and not on a refused read', async () => {
    const { w, work, read, lastUsed } = await setup();
    await w.grant(SHOP, work.id, ['name']);
    const first = w.clock.now;
    await read(SHOP);
    w.clock.now += 10_000;
    await read(SHOP);
    expect(await lastUsed(SHOP)).toBe(first);
    w.clock.now = first + SITE_USE_STEP;
    await read(SHOP);
    expect(await lastUsed(SHOP)).toBe(first + SITE_USE_STEP);
    await w.ok('wallet_lock');
    w.clock.now += 5 * SITE_USE_STEP;
    expect((await read(SHOP)).ok).toBe(false);
    await w.ok('wallet_unlock', { passphrase: 'correct horse battery staple' });
    expect(await lastUsed(SHOP)).toBe(first + SITE_USE_STEP);
  });

  it('goes with the grant: revoked and granted again starts at "not yet"', async () => {
    const { w, work, read, lastUsed } = await setup();
    const grant = await w.grant(SHOP, work.id, ['name']);
    await read(SHOP);
    await w.ok('wallet_revokeGrant', { origin: SHOP });
    expect(await w.db.siteUse.get(grant.id)).toBeUndefined();
    await w.grant(SHOP, work.id, ['name']);
    expect(await lastUsed(SHOP)).toBeNull();
  });
});
