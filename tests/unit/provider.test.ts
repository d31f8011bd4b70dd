import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { NS } from '@/src/shared/protocol';
import { createFakeWindow, receive, settle, stateOf, type FakeWindow } from './support/fake-window';
import { discoverProvider, installAndListen } from './support/provider';

const ORIGIN = 'https://site.example';

type SentRequest = { ns: string; kind: string; id: string; method: unknown; params: unknown };

/** The requests the provider has posted so far. */
function sentRequests(win: FakeWindow): SentRequest[] {
  return win.posts.map((post) => post.data as SentRequest).filter((data) => data.kind === 'request');
}

/** Plays the relay: posts a response to the page, as the relay of this frame does. */
function respond(win: FakeWindow, id: string, reply: object) {
  win.postMessage({ ns: NS, kind: 'response', id, ...reply }, win.location.origin);
}

/** Plays the relay: answers every request with `answer(request)`. */
function answerRequests(win: FakeWindow, answer: (request: SentRequest) => object) {
  win.addEventListener('message', (event) => {
    const data = (event as MessageEvent).data as SentRequest;
    if (data?.ns === NS && data.kind === 'request') respond(win, data.id, answer(data));
  });
}

/** Plays the relay starting: it tells the page it is ready. */
async function relayReady(win: FakeWindow) {
  win.postMessage({ ns: NS, kind: 'ready' }, win.location.origin);
  await settle();
}

/** The provider of `win`, with this frame's relay already running. */
async function readyProvider(win: FakeWindow) {
  const provider = discoverProvider(win);
  await relayReady(win);
  return provider;
}

function emit(win: FakeWindow, name: string, data: unknown) {
  win.postMessage({ ns: NS, kind: 'event', name, data }, win.location.origin);
}

describe('announcement', () => {
  it('announces on install with frozen detail, info and provider', () => {
    const announcements = installAndListen(createFakeWindow(ORIGIN));
    expect(announcements).toHaveLength(1);
    const detail = announcements[0]!;
    expect(Object.isFrozen(detail)).toBe(true);
    expect(Object.isFrozen(detail.info)).toBe(true);
    expect(Object.isFrozen(detail.provider)).toBe(true);
    expect(detail.info).toEqual({
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: 'atSign Wallet',
      rdns: expect.any(String),
      icon: expect.stringMatching(/^data:image\//),
    });
    expect(detail.provider.isAtSignWallet).toBe(true);
  });

  it('cannot be tampered with by the page', () => {
    const [detail] = installAndListen(createFakeWindow(ORIGIN));
    const provider = detail!.provider as { request: unknown };
    expect(() => {
      provider.request = () => Promise.resolve('stolen');
    }).toThrow(TypeError);
    expect(() => {
      (detail as { provider: unknown }).provider = {};
    }).toThrow(TypeError);
    expect(() => {
      (detail!.info as { name: string }).name = 'Evil Wallet';
    }).toThrow(TypeError);
  });

  it('announces again, the same provider, on every atsign:requestProvider', () => {
    const win = createFakeWindow(ORIGIN);
    const announcements = installAndListen(win);
    win.dispatchEvent(new Event('atsign:requestProvider'));
    win.dispatchEvent(new Event('atsign:requestProvider'));
    expect(announcements).toHaveLength(3);
    expect(announcements[1]).toBe(announcements[0]);
    expect(announcements[2]).toBe(announcements[0]);
  });

  it('keeps one uuid per page, however its info is read or copied', () => {
    const [first] = installAndListen(createFakeWindow(ORIGIN));
    const [other] = installAndListen(createFakeWindow(ORIGIN));
    const uuid = first!.info.uuid;
    expect(first!.info.uuid).toBe(uuid);
    expect(structuredClone(first!.info).uuid).toBe(uuid);
    expect((JSON.parse(JSON.stringify(first!.info)) as { uuid: string }).uuid).toBe(uuid);
    expect({ ...first!.info }.uuid).toBe(uuid);
    expect(other!.info.uuid).not.toBe(uuid);
  });

  it('gives an icon whose data: URI holds the whole image (a bare "#" would cut it short)', () => {
    const [detail] = installAndListen(createFakeWindow(ORIGIN));
    const { icon } = detail!.info;
    expect(icon).not.toContain('#');
    expect(icon.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(icon.slice(icon.indexOf(',') + 1))).toMatch(/^<svg [^]*<\/svg>$/);
  });

  it('gives every page its own version 4 uuid', () => {
    const uuids = Array.from({ length: 500 }, () => installAndListen(createFakeWindow(ORIGIN))[0]!.info.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Every hex digit turns up in every random place: none is stuck.
    const seen = new Set(uuids.flatMap((uuid) => [...uuid.replace(/-/g, '')].map((digit, place) => `${place}:${digit}`)));
    expect(seen.size).toBe(30 * 16 + 4 + 1);
  });

  it('is not made in a window with an opaque origin', () => {
    const win = createFakeWindow('null');
    const announcements = installAndListen(win);
    win.dispatchEvent(new Event('atsign:requestProvider'));
    expect(announcements).toEqual([]);
  });
});

describe('before the relay is ready', () => {
  it('holds requests, asks once whether a relay is there, and sends them in order when it says ready', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    answerRequests(win, (request) => ({ ok: true, result: request.method }));
    const first = provider.request({ method: 'one' });
    const second = provider.request({ method: 'two' });
    provider.on('grantChanged', () => {});
    await settle();
    expect(sentRequests(win)).toEqual([]);
    expect(win.posts.map((post) => post.data)).toEqual([{ ns: NS, kind: 'hello' }]);
    expect(await stateOf(first)).toBe('pending');

    await relayReady(win);
    const kinds = win.posts.map((post) => (post.data as SentRequest).kind).filter((kind) => kind !== 'response');
    expect(kinds).toEqual(['hello', 'ready', 'request', 'request', 'subscribe']);
    expect(sentRequests(win).map((request) => request.method)).toEqual(['one', 'two']);
    await expect(first).resolves.toBe('one');
    await expect(second).resolves.toBe('two');
    expect(win.targetOrigins.every((target) => target === ORIGIN)).toBe(true);
  });

  it('sends each held request once, however often it hears ready', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    void provider.request({ method: 'one' });
    await relayReady(win);
    await relayReady(win);
    void provider.request({ method: 'two' });
    expect(sentRequests(win).map((request) => request.method)).toEqual(['one', 'two']);
    expect(win.posts.filter((post) => (post.data as SentRequest).kind === 'hello')).toHaveLength(1);
  });

  it('does not take ready from another window', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    void provider.request({ method: 'one' });
    receive(win, { ns: NS, kind: 'ready' }, { source: {} });
    await settle();
    expect(sentRequests(win)).toEqual([]);
  });
});

describe('request', () => {
  it('posts the method and params to its own origin only', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    void provider.request({ method: 'atsign_getGrant', params: [] });
    expect(sentRequests(win)).toEqual([
      { ns: NS, kind: 'request', id: expect.any(String), method: 'atsign_getGrant', params: '[]' },
    ]);
    expect(win.targetOrigins.every((target) => target === ORIGIN)).toBe(true);
  });

  it('resolves with the result of a success reply', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    answerRequests(win, () => ({ ok: true, result: { id: 'g1', fields: ['name'] } }));
    await expect(provider.request({ method: 'atsign_getGrant' })).resolves.toEqual({ id: 'g1', fields: ['name'] });
  });

  it('rejects with an Error carrying the numeric code and message of an error reply', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    answerRequests(win, () => ({ ok: false, error: { code: 4100, message: 'This site has no grant' } }));
    const error = await provider.request({ method: 'atsign_readProfile' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 4100, message: 'This site has no grant' });
  });

  // An error without a numeric code and a message never reaches the provider:
  // the relay answers -32603 for it (relay.test.ts).

  it('keeps two providers in one window (an add-on updated under an open page) from taking each other’s replies', async () => {
    const win = createFakeWindow(ORIGIN);
    const older = discoverProvider(win);
    const newer = discoverProvider(win);
    await relayReady(win);
    const fromOlder = older.request({ method: 'one' });
    const fromNewer = newer.request({ method: 'one' });
    const [a, b] = sentRequests(win);
    expect(a!.id).not.toBe(b!.id);
    respond(win, b!.id, { ok: true, result: 'newer' });
    await expect(fromNewer).resolves.toBe('newer');
    expect(await stateOf(fromOlder)).toBe('pending');
    respond(win, a!.id, { ok: true, result: 'older' });
    await expect(fromOlder).resolves.toBe('older');
  });

  it('matches each reply to its own request by id', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    const first = provider.request({ method: 'one' });
    const second = provider.request({ method: 'two' });
    const [a, b] = sentRequests(win);
    expect(a!.id).not.toBe(b!.id);
    respond(win, b!.id, { ok: true, result: 'two' });
    respond(win, a!.id, { ok: true, result: 'one' });
    await expect(first).resolves.toBe('one');
    await expect(second).resolves.toBe('two');
  });

  it('ignores replies for unknown ids and replies from other windows', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    const pending = provider.request({ method: 'atsign_getGrant' });
    const [sent] = sentRequests(win);

    respond(win, 'not-a-request-id', { ok: true, result: 'stray' });
    receive(win, { ns: NS, kind: 'response', id: sent!.id, ok: true, result: 'spoofed' }, { source: {} });
    receive(win, { ns: 'other', kind: 'response', id: sent!.id, ok: true, result: 'other ns' }, { source: win });
    expect(await stateOf(pending)).toBe('pending');

    respond(win, sent!.id, { ok: true, result: 'real' });
    await expect(pending).resolves.toBe('real');
  });

  it('sends params as JSON text, so a key such as "__proto__" arrives as the page wrote it', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    const params = JSON.parse('{"fields":["name"],"__proto__":{"admin":true}}') as unknown;
    void provider.request({ method: 'atsign_connect', params });
    void provider.request({ method: 'atsign_getGrant' });
    const [withParams, without] = sentRequests(win);
    expect(JSON.parse(withParams!.params as string)).toEqual(params);
    expect(withParams!.params).toContain('"__proto__"');
    expect(without!.params).toBeUndefined();
  });

  it.each([
    ['a function', { onDone: () => {} }],
    ['a symbol', { tag: Symbol('x') }],
    ['a cycle', (() => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      return cyclic;
    })()],
  ])('rejects params holding %s with -32602, posting nothing', async (_label, params) => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    const error = await provider.request({ method: 'atsign_connect', params }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: -32602 });
    expect(sentRequests(win)).toEqual([]);
  });
});

describe('events', () => {
  it('reach listeners of that event name with its data, until removed', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const onGrant = vi.fn();
    const onRevoked = vi.fn();
    expect(provider.on('grantChanged', onGrant).on('revoked', onRevoked)).toBe(provider);

    emit(win, 'grantChanged', { id: 'g1' });
    await settle();
    expect(onGrant).toHaveBeenCalledExactlyOnceWith({ id: 'g1' });
    expect(onRevoked).not.toHaveBeenCalled();

    expect(provider.removeListener('grantChanged', onGrant)).toBe(provider);
    emit(win, 'grantChanged', null);
    emit(win, 'revoked', { grantId: 'g1', reason: 'person' });
    await settle();
    expect(onGrant).toHaveBeenCalledTimes(1);
    expect(onRevoked).toHaveBeenCalledExactlyOnceWith({ grantId: 'g1', reason: 'person' });
  });

  it('are asked for once, on the first listener, however many come and go after', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = await readyProvider(win);
    const subscribes = () => win.posts.filter((post) => (post.data as { kind: string }).kind === 'subscribe');
    const fn = () => {};
    provider.on('grantChanged', fn).on('revoked', fn).removeListener('grantChanged', fn).removeListener('revoked', fn);
    provider.on('grantChanged', fn);
    expect(subscribes()).toEqual([{ data: { ns: NS, kind: 'subscribe' }, targetOrigin: ORIGIN }]);
  });

  it('are not taken from other windows', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const onGrant = vi.fn();
    provider.on('grantChanged', onGrant);
    receive(win, { ns: NS, kind: 'event', name: 'grantChanged', data: 'spoofed' }, { source: {} });
    await settle();
    expect(onGrant).not.toHaveBeenCalled();
  });

  it('still reach the other listeners when one throws, or is not a function (and never run text as code)', async () => {
    // A browser reports an exception thrown in a microtask and runs the next
    // one; Node would end the run instead, so the test reports them like a browser.
    const reported: unknown[] = [];
    const realQueueMicrotask = globalThis.queueMicrotask;
    vi.stubGlobal('queueMicrotask', (task: () => void) =>
      realQueueMicrotask(() => {
        try {
          task();
        } catch (error) {
          reported.push(error);
        }
      }),
    );
    onTestFinished(() => void vi.unstubAllGlobals());

    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const after = vi.fn();
    const ran = vi.spyOn(globalThis, 'eval');
    provider.on('profileChanged', () => {
      throw new Error('site bug');
    });
    expect(() => provider.on('profileChanged', 'alert(1)' as unknown as () => void)).not.toThrow();
    provider.on('profileChanged', after);

    emit(win, 'profileChanged', { name: 'Alice' });
    emit(win, 'profileChanged', { name: 'Alicia' });
    await settle();

    expect(after.mock.calls).toEqual([[{ name: 'Alice' }], [{ name: 'Alicia' }]]);
    expect(reported).toHaveLength(4);
    expect(reported.filter((error) => error instanceof TypeError)).toHaveLength(2);
    expect(ran).not.toHaveBeenCalled();
  });
});
