import { describe, expect, it, vi } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { walletWithBarbara } from '../personas/support';

const SHOP = 'https://shop.example';
const page = (origin: string): PageCaller => ({ kind: 'page', origin, topOrigin: null, tabId: 1, frameId: 0 });

describe('the activity log', () => {
  it('records reads and ends of access, newest first, with site and fields', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    await w.grant(SHOP, work.id, ['email']);
    const dispatch = createDispatcher(handlers, w.services);
    expect(await dispatch({ method: 'atsign_readProfile' }, page(SHOP))).toEqual({
      ok: true,
      result: { email: 'b@work.example' },
    });
    await dispatch({ method: 'atsign_disconnect' }, page(SHOP));

    const { entries } = await w.ok('wallet_listActivity');
    expect(entries.map(({ kind, origin, fields }) => ({ kind, origin, fields }))).toEqual([
      { kind: 'disconnect', origin: SHOP, fields: ['email'] },
      { kind: 'read', origin: SHOP, fields: ['email'] },
    ]);
  });

  it('writes entries asked for during a write together, in order, and loses none', async () => {
    const w = await walletWithBarbara();
    const repo = (w.services.activity as unknown as { repo: { addAll: (r: unknown[]) => Promise<void> } }).repo;
    const addAll = vi.spyOn(repo, 'addAll');
    const origins = Array.from({ length: 30 }, (_, i) => `https://site-${i}.example`);
    await Promise.all(origins.map((origin) => w.services.activity.record('read', origin, ['name'])));

    const { entries } = await w.ok('wallet_listActivity');
    expect(entries.map((e) => e.origin)).toEqual([...origins].reverse());
    // The first write takes the first entry; the rest wait and go in as one.
    expect(addAll.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('writes a busy site’s reads together, and shows them to anyone reading the log at once', async () => {
    const w = await walletWithBarbara();
    const repo = (w.services.activity as unknown as { repo: { addAll: (r: unknown[]) => Promise<void> } }).repo;
    const addAll = vi.spyOn(repo, 'addAll');
    for (let i = 0; i < 50; i++) w.services.activity.recordSoon('read', SHOP, [`x-field-${i}`]);
    expect(addAll).not.toHaveBeenCalled();
    const { entries } = await w.ok('wallet_listActivity');
    expect(entries).toHaveLength(50);
    expect(entries[0]!.fields).toEqual(['x-field-49']);
    expect(addAll).toHaveBeenCalledTimes(1);
  });

  it('writes reads nobody looks at within a quarter second', async () => {
    const w = await walletWithBarbara();
    w.services.activity.recordSoon('read', SHOP, ['name']);
    await vi.waitFor(async () => expect(await w.db.activity.count()).toBe(1), { timeout: 2_000 });
  });

  it('is written while locked, read only when unlocked, and unreadable at rest', async () => {
    const w = await walletWithBarbara();
    await w.ok('wallet_lock');
    await w.services.activity.record('expire', 'https://secret-clinic.example', ['name']);
    await w.fails(4900, 'wallet_listActivity');

    const rows = await w.db.activity.toArray();
    const raw = JSON.stringify(rows, (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
    );
    expect(raw).not.toContain('secret-clinic');
    expect(rows).toHaveLength(1);

    await w.ok('wallet_unlock', { passphrase: 'correct horse battery staple' });
    const { entries } = await w.ok('wallet_listActivity');
    expect(entries[0]).toMatchObject({ kind: 'expire', origin: 'https://secret-clinic.example' });
  });

  it('pages and filters by kind and by site', async () => {
    const w = await walletWithBarbara();
    for (let i = 0; i < 7; i++) await w.services.activity.record(i % 2 ? 'read' : 'connect', `https://s${i % 3}.example`);
    const first = await w.ok('wallet_listActivity', { limit: 3 });
    expect(first.entries.map((e) => e.origin)).toEqual(['https://s0.example', 'https://s2.example', 'https://s1.example']);
    const next = await w.ok('wallet_listActivity', { limit: 3, before: first.nextBefore! });
    expect(next.entries.map((e) => e.origin)).toEqual(['https://s0.example', 'https://s2.example', 'https://s1.example']);
    expect((await w.ok('wallet_listActivity', { kind: 'read' })).entries).toHaveLength(3);
    expect((await w.ok('wallet_listActivity', { origin: 'https://s1.example' })).entries).toHaveLength(2);
  });

  it('survives a passphrase change', async () => {
    const w = await walletWithBarbara();
    await w.services.activity.record('connect', SHOP, ['name']);
    await w.ok('wallet_changePassphrase', { current: 'correct horse battery staple', next: 'another fine passphrase' });
    expect((await w.ok('wallet_listActivity')).entries).toHaveLength(1);
  });
});
