import { describe, expect, it, vi } from 'vitest';
import type { PageCaller, UiCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import type { Handlers } from '@/src/background/handlers/types';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { methods } from '@/src/shared/methods';
import type { Reply } from '@/src/shared/protocol';
import { makeGrant } from './support/grants';
import { testServices } from './support/services';

const site: PageCaller = { kind: 'page', origin: 'https://site.example', topOrigin: null, tabId: 7, frameId: 0 };
const ui: UiCaller = { kind: 'ui' };

function setup(table: Handlers = handlers) {
  const { db, clock, services } = testServices();
  return { db, clock, services, dispatch: createDispatcher(table, services) };
}

function errorOf(reply: Reply) {
  if (reply.ok) throw new Error(`expected an error reply, got ${JSON.stringify(reply)}`);
  return reply.error;
}

describe('method resolution', () => {
  it('answers an unknown method with 4200', async () => {
    const { dispatch } = setup();
    const error = errorOf(await dispatch({ method: 'eth_requestAccounts' }, site));
    expect(error.code).toBe(ErrorCode.UnsupportedMethod);
    expect(error.message).toContain('eth_requestAccounts');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    'answers the inherited name "%s" with 4200',
    async (method) => {
      const { dispatch } = setup();
      expect(errorOf(await dispatch({ method }, site)).code).toBe(ErrorCode.UnsupportedMethod);
    },
  );

  it('answers a page calling a ui method exactly as if the method did not exist', async () => {
    const table = { ...handlers, wallet_listGrants: vi.fn(handlers.wallet_listGrants) };
    const { db, dispatch } = setup(table);
    await db.grants.add(makeGrant({ origin: 'https://other.example' }));

    const hidden = errorOf(await dispatch({ method: 'wallet_listGrants' }, site));
    const missing = errorOf(await dispatch({ method: 'wallet_listGrantz' }, site));

    expect(hidden.code).toBe(ErrorCode.UnsupportedMethod);
    expect(hidden.message).toBe(missing.message.replace('wallet_listGrantz', 'wallet_listGrants'));
    expect(hidden.message).not.toMatch(/\bui\b|extension|wallet page|not allowed|permission/i);
    expect(table.wallet_listGrants).not.toHaveBeenCalled();
  });

  const uiMethods = Object.entries(methods)
    .filter(([, spec]) => spec.caller === 'ui')
    .map(([name]) => name);

  it.each(uiMethods)('answers a page calling %s with 4200, before checking params or the lock', async (method) => {
    const { dispatch } = setup();
    const reply = await dispatch({ method }, site);
    expect(errorOf(reply)).toEqual({ code: ErrorCode.UnsupportedMethod, message: expect.stringContaining(method) });
  });

  it('does not serve page methods to the wallet UI, which has no origin', async () => {
    const { dispatch } = setup();
    expect(errorOf(await dispatch({ method: 'atsign_getGrant' }, ui)).code).toBe(ErrorCode.UnsupportedMethod);
  });

  it.each([
    ['missing', {}],
    ['undefined', { method: undefined }],
    ['empty', { method: '' }],
    ['a number', { method: 42 }],
    ['null', { method: null }],
    ['an object', { method: { toString: () => 'atsign_getGrant' } }],
    ['an array', { method: ['atsign_getGrant'] }],
  ])('answers a method that is %s with -32600', async (_label, request) => {
    const { dispatch } = setup();
    expect(errorOf(await dispatch(request, site)).code).toBe(ErrorCode.InvalidRequest);
  });

  it('answers an oversize method name with 4200 and a bounded message', async () => {
    const { dispatch } = setup();
    const error = errorOf(await dispatch({ method: 'x'.repeat(100_000) }, site));
    expect(error.code).toBe(ErrorCode.UnsupportedMethod);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('params', () => {
  it.each([
    ['an object with a key', { x: 1 }],
    ['a string', 'str'],
    ['an array with an item', [1]],
    ['null', null],
    ['a number', 0],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"origin": "https://bank.example"}}') as unknown],
    ['an origin claim', { origin: 'https://bank.example' }],
  ])('answers atsign_getGrant with %s as params with -32602 and never runs the handler', async (_label, params) => {
    const table = { ...handlers, atsign_getGrant: vi.fn(handlers.atsign_getGrant) };
    const { dispatch } = setup(table);
    const error = errorOf(await dispatch({ method: 'atsign_getGrant', params }, site));
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toContain('params');
    expect(table.atsign_getGrant).not.toHaveBeenCalled();
  });

  it.each([
    ['omitted', {}],
    ['an empty array', { params: [] }],
    ['an empty object', { params: {} }],
  ])('accepts params that are %s for a method that takes none', async (_label, extra) => {
    const { dispatch } = setup();
    expect(await dispatch({ method: 'atsign_getGrant', ...extra }, site)).toEqual({ ok: true, result: null });
  });
});

describe('params a page sends as JSON text', () => {
  it('are read as the page wrote them', async () => {
    const { db, dispatch } = setup();
    const grant = makeGrant({ origin: site.origin });
    await db.grants.add(grant);
    expect(await dispatch({ method: 'atsign_getGrant', params: '[]' }, site)).toEqual({ ok: true, result: grant });
    expect(await dispatch({ method: 'atsign_getGrant', params: '{}' }, site)).toEqual({ ok: true, result: grant });
  });

  it.each([
    ['an own "__proto__" key', '{"__proto__":{"admin":true}}'],
    ['an own "constructor" key', '{"constructor":{"prototype":{"admin":true}}}'],
    ['an own "toString" key', '{"toString":"x"}'],
    ['text that is not JSON', '{fields: [name]}'],
    ['a JSON string', '"atsign_getGrant"'],
    ['more than 64 KB', JSON.stringify({ x: 'a'.repeat(64 * 1024) })],
  ])('refuse %s with -32602, and change nothing', async (_label, params) => {
    const { db, dispatch } = setup();
    const grant = makeGrant({ origin: site.origin });
    await db.grants.add(grant);
    for (const method of ['atsign_getGrant', 'atsign_disconnect'])
      expect(errorOf(await dispatch({ method, params }, site)).code, method).toBe(ErrorCode.InvalidParams);
    expect(await db.grants.toArray()).toEqual([grant]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('are not read as JSON from the wallet’s own pages, which send data', async () => {
    const { dispatch } = setup();
    expect(errorOf(await dispatch({ method: 'wallet_listGrants', params: '[]' }, ui)).code).toBe(ErrorCode.InvalidParams);
  });

  it('still answer an unknown method 4200 before looking at the params', async () => {
    const { dispatch } = setup();
    expect(errorOf(await dispatch({ method: 'atsign_nothing', params: 'not json' }, site)).code).toBe(ErrorCode.UnsupportedMethod);
  });
});

describe('auto-lock', () => {
  it('is put off by the person’s own actions, not by a window’s passive checks or by sites', async () => {
    const { services, dispatch } = setup();
    const touch = vi.spyOn(services.autoLock, 'touch');
    // An approval window checking that its request still waits (a site can open such windows).
    await dispatch({ method: 'wallet_getApproval', params: { id: crypto.randomUUID() } }, ui);
    await dispatch({ method: 'atsign_getGrant' }, site);
    expect(touch).not.toHaveBeenCalled();
    await dispatch({ method: 'wallet_getState' }, ui);
    expect(touch).toHaveBeenCalledTimes(1);
  });
});

describe('failures inside a handler', () => {
  it('answers -32603 without the internal detail when the database fails, and resolves', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { db, dispatch } = setup();
    db.close();

    const reply = await dispatch({ method: 'atsign_getGrant' }, site);

    expect(errorOf(reply).code).toBe(ErrorCode.Internal);
    expect(errorOf(reply).message).not.toMatch(/closed|dexie|database/i);
    expect(error).toHaveBeenCalled();
  });

  it.each([
    ['a TypeError', new TypeError('secret internal detail')],
    ['a string', 'secret internal detail'],
    ['null', null],
    ['an object that looks like a wallet error', { code: 4100, message: 'secret internal detail' }],
  ])('answers -32603 when the handler throws %s', async (_label, thrown) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { dispatch } = setup({
      ...handlers,
      atsign_getGrant: async () => {
        throw thrown;
      },
    });
    const reply = await dispatch({ method: 'atsign_getGrant' }, site);
    expect(reply).toEqual({ ok: false, error: { code: ErrorCode.Internal, message: expect.any(String) } });
    expect(errorOf(reply).message).not.toContain('secret');
  });

  it('passes on the code and message of a WalletError', async () => {
    const { dispatch } = setup({
      ...handlers,
      atsign_getGrant: async () => {
        throw new WalletError(ErrorCode.Locked, 'The wallet is locked');
      },
    });
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({
      ok: false,
      error: { code: ErrorCode.Locked, message: 'The wallet is locked' },
    });
  });
});

describe('atsign_getGrant', () => {
  it('is null when the site has no grant', async () => {
    const { dispatch } = setup();
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: null });
  });

  it("returns the caller's own grant", async () => {
    const { db, dispatch } = setup();
    const grant = makeGrant({ origin: site.origin });
    await db.grants.bulkAdd([makeGrant({ origin: 'https://other.example' }), grant]);
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: grant });
  });

  it('never returns the grant of another site, even one differing only by port, scheme or subdomain', async () => {
    const { db, dispatch } = setup();
    await db.grants.bulkAdd([
      makeGrant({ origin: 'https://site.example:8443' }),
      makeGrant({ origin: 'http://site.example' }),
      makeGrant({ origin: 'https://www.site.example' }),
      makeGrant({ origin: 'https://other.example' }),
    ]);
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: null });

    const port: PageCaller = { ...site, origin: 'https://site.example:8443' };
    const reply = await dispatch({ method: 'atsign_getGrant' }, port);
    expect(reply.ok && (reply.result as { origin: string }).origin).toBe('https://site.example:8443');
  });

  it('ignores an origin claimed in the request', async () => {
    const { db, dispatch } = setup();
    await db.grants.add(makeGrant({ origin: 'https://bank.example' }));
    const request = { method: 'atsign_getGrant', origin: 'https://bank.example' };
    expect(await dispatch(request, site)).toEqual({ ok: true, result: null });
  });

  it('is null once the grant has expired (expiresAt <= now)', async () => {
    const { db, clock, dispatch } = setup();
    const grant = makeGrant({ origin: site.origin, expiresAt: clock.now + 1000 });
    await db.grants.add(grant);

    clock.now = grant.expiresAt! - 1;
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: grant });
    clock.now = grant.expiresAt!;
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: null });
    clock.now = grant.expiresAt! + 1;
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: null });
  });

  it('keeps a grant with no expiry at any time', async () => {
    const { db, clock, dispatch } = setup();
    const grant = makeGrant({ origin: site.origin, expiresAt: null });
    await db.grants.add(grant);
    clock.now = Date.UTC(2100, 0, 1);
    expect(await dispatch({ method: 'atsign_getGrant' }, site)).toEqual({ ok: true, result: grant });
  });
});

describe('wallet_listGrants', () => {
  it('gives the wallet UI every grant, ordered by origin', async () => {
    const { db, dispatch } = setup();
    const b = makeGrant({ origin: 'https://b.example' });
    const a = makeGrant({ origin: 'https://a.example', expiresAt: 1 });
    const c = makeGrant({ origin: 'http://c.example' });
    await db.grants.bulkAdd([b, a, c]);
    const listed = [c, a, b].map((grant) => ({ ...grant, lastUsedAt: null }));
    expect(await dispatch({ method: 'wallet_listGrants' }, ui)).toEqual({ ok: true, result: listed });
  });

  it('is an empty list when there are no grants', async () => {
    const { dispatch } = setup();
    expect(await dispatch({ method: 'wallet_listGrants', params: [] }, ui)).toEqual({ ok: true, result: [] });
  });

  it('refuses params', async () => {
    const { dispatch } = setup();
    expect(errorOf(await dispatch({ method: 'wallet_listGrants', params: { all: true } }, ui)).code).toBe(
      ErrorCode.InvalidParams,
    );
  });
});
