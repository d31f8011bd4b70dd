// The whole message path in one process: page → provider → window.postMessage
// → relay → (a structured-clone hop standing in for runtime messaging) →
// dispatcher with the caller the browser would report → back the same way.
import { describe, expect, it } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { startRelay } from '@/src/content/relay';
import { ErrorCode } from '@/src/shared/errors';
import { NS } from '@/src/shared/protocol';
import { asWindow, createFakeWindow } from './support/fake-window';
import { makeGrant } from './support/grants';
import { discoverProvider } from './support/provider';
import { testServices } from './support/services';

function openPage(origin: string) {
  const { db, clock, services } = testServices();
  const dispatch = createDispatcher(handlers, services);
  const win = createFakeWindow(origin);
  const caller: PageCaller = { kind: 'page', origin, topOrigin: null, tabId: 7, frameId: 0 };
  let pushEvent: (message: unknown) => void = () => {};
  startRelay(asWindow(win), {
    send: (message) => dispatch(structuredClone(message) as { method?: unknown; params?: unknown }, caller),
    onEvent: (listener) => (pushEvent = listener),
  });
  const provider = discoverProvider(win);
  return { db, clock, win, provider, pushEvent: (message: unknown) => pushEvent(message) };
}

describe('a page talking to the wallet', () => {
  it('gets null from atsign_getGrant before it has a grant', async () => {
    const { provider } = openPage('https://site.example');
    await expect(provider.request({ method: 'atsign_getGrant' })).resolves.toBeNull();
  });

  it('gets its own grant, not another site’s', async () => {
    const { db, provider } = openPage('https://site.example');
    const grant = makeGrant({ origin: 'https://site.example' });
    await db.grants.bulkAdd([makeGrant({ origin: 'https://site.example:8443' }), grant]);
    await expect(provider.request({ method: 'atsign_getGrant' })).resolves.toEqual(grant);
  });

  it('stops getting a grant once it expires', async () => {
    const { db, clock, provider } = openPage('https://site.example');
    await db.grants.add(makeGrant({ origin: 'https://site.example', expiresAt: clock.now + 5_000 }));
    await expect(provider.request({ method: 'atsign_getGrant' })).resolves.not.toBeNull();
    clock.now += 5_000;
    await expect(provider.request({ method: 'atsign_getGrant' })).resolves.toBeNull();
  });

  it.each([
    ['an unknown method', { method: 'eth_accounts' }, ErrorCode.UnsupportedMethod],
    ['a wallet UI method', { method: 'wallet_listGrants' }, ErrorCode.UnsupportedMethod],
    [
      'an origin claim in params',
      { method: 'atsign_getGrant', params: { origin: 'https://bank.example' } },
      ErrorCode.InvalidParams,
    ],
    ['no method', { method: undefined as unknown as string }, ErrorCode.InvalidRequest],
  ])('gets an Error with a numeric code for %s', async (_label, args, code) => {
    const { provider } = openPage('https://site.example');
    const error = await provider.request(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code, message: expect.any(String) });
  });

  it('receives an event addressed to its origin', async () => {
    const { provider, pushEvent } = openPage('https://site.example');
    const received = new Promise((resolve) => provider.on('revoked', resolve));
    const data = { grantId: 'g1', reason: 'person' };
    pushEvent({ ns: NS, kind: 'event', origin: 'https://site.example', name: 'revoked', data });
    await expect(received).resolves.toEqual({ grantId: 'g1', reason: 'person' });
  });

  it('never posts to "*" on the way', async () => {
    const { win, provider } = openPage('https://site.example');
    await provider.request({ method: 'atsign_getGrant' });
    await provider.request({ method: 'nope' }).catch(() => {});
    // the relay's ready; the provider's hello (its first request comes before
    // it has heard that) and the relay's answer; two requests, two replies,
    // and the relay saying it has the first (sent before the provider knew)
    expect(win.targetOrigins).toHaveLength(8);
    expect(win.targetOrigins.every((target) => target === 'https://site.example')).toBe(true);
  });
});
