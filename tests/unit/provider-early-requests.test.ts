// Early requests cannot hang (issue #17): a page can post a `ready` of its own
// before the relay starts, so the provider sends its held requests to no one.
// Until a relay says it holds one of the provider's requests, each request is
// on a clock: it gets its answer, or -32603 within REQUEST_TIMEOUT_MS — never
// nothing. Played with fake timers; the fake window delivers posts on a timer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRelay, type RelayPort } from '@/src/content/relay';
import { REQUEST_TIMEOUT_MS } from '@/src/inpage/provider';
import { NS } from '@/src/shared/protocol';
import { asWindow, createFakeWindow, receive, type FakeWindow } from './support/fake-window';
import { discoverProvider } from './support/provider';

const ORIGIN = 'https://site.example';
const UNREACHABLE = { code: -32603, message: expect.any(String) };

type Posted = { kind: string; id?: string; method?: unknown; heard?: unknown };

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** Lets the fake window deliver what has been posted (each post is a timer of 0 ms). */
async function deliver() {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

/** Tracks a promise: `state()` is 'pending', 'resolved' or 'rejected', `value` what it settled with. */
function track(promise: Promise<unknown>) {
  const tracked = { state: 'pending' as 'pending' | 'resolved' | 'rejected', value: undefined as unknown };
  promise.then(
    (value) => Object.assign(tracked, { state: 'resolved', value }),
    (error: unknown) => Object.assign(tracked, { state: 'rejected', value: error }),
  );
  return tracked;
}

/** The page forging the relay's word: a `ready` posted to its own window, as any page script can. */
function forgeReady(win: FakeWindow, extra: object = {}) {
  win.postMessage({ ns: NS, kind: 'ready', ...extra }, ORIGIN);
}

/** The relay of this frame, starting now, with a background that answers each request after `delayMs`. */
function startRealRelay(win: FakeWindow, delayMs = 10) {
  const send = vi.fn<RelayPort['send']>(
    (message) =>
      new Promise((resolve) =>
        setTimeout(() => resolve({ ok: true, result: (message as { method: unknown }).method }), delayMs),
      ),
  );
  startRelay(asWindow(win), { send, onEvent: () => {} });
  return send;
}

const posted = (win: FakeWindow) => win.posts.map((post) => post.data as Posted);
const requests = (win: FakeWindow) => posted(win).filter((data) => data.kind === 'request');

describe('a forged ready', () => {
  it('before a request: the request rejects with -32603 once the timeout has run, not before', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    forgeReady(win);
    await deliver();
    const answer = track(provider.request({ method: 'atsign_getGrant' }));
    await deliver();
    expect(requests(win)).toMatchObject([{ method: 'atsign_getGrant', heard: undefined }]);

    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 100);
    expect(answer.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(answer.state).toBe('rejected');
    expect(answer.value).toBeInstanceOf(Error);
    expect(answer.value).toMatchObject(UNREACHABLE);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after requests were held: they are sent to no one, and each rejects within the timeout', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const first = track(provider.request({ method: 'one' }));
    const second = track(provider.request({ method: 'two' }));
    forgeReady(win);
    await deliver();
    expect(requests(win).map((r) => r.method)).toEqual(['one', 'two']);

    // The real relay starts later: its own ready cannot bring back what went before it.
    await vi.advanceTimersByTimeAsync(1000);
    const send = startRealRelay(win);
    await deliver();
    expect(send).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect([first.state, second.state]).toEqual(['rejected', 'rejected']);
    expect(first.value).toMatchObject(UNREACHABLE);
    expect(second.value).toMatchObject(UNREACHABLE);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves the page able to ask again: the next request reaches the real relay and is answered', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    forgeReady(win);
    await deliver();
    const lost = track(provider.request({ method: 'lost' }));
    await deliver();
    startRealRelay(win);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(lost.state).toBe('rejected');

    const again = track(provider.request({ method: 'again' }));
    await vi.advanceTimersByTimeAsync(50);
    expect(again).toEqual({ state: 'resolved', value: 'again' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['no id', {}],
    ['an id of no request', { id: 'not-a-request' }],
  ])('does not stop the clock, nor does a second one with %s', async (_label, extra) => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    forgeReady(win);
    await deliver();
    const answer = track(provider.request({ method: 'atsign_getGrant' }));
    await deliver();
    forgeReady(win, extra);
    await deliver();
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(answer.state).toBe('rejected');
    expect(answer.value).toMatchObject(UNREACHABLE);
  });

  it('from another window does not stop the clock, even naming the request', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    forgeReady(win);
    await deliver();
    const answer = track(provider.request({ method: 'atsign_getGrant' }));
    await deliver();
    receive(win, { ns: NS, kind: 'ready', id: requests(win)[0]!.id }, { source: {} });
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(answer.state).toBe('rejected');
  });
});

describe('a real relay', () => {
  it('answering in time: held requests resolve, and no timer is left running', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const first = track(provider.request({ method: 'one' }));
    const second = track(provider.request({ method: 'two' }));
    await vi.advanceTimersByTimeAsync(200);
    startRealRelay(win);
    await vi.advanceTimersByTimeAsync(50);
    expect(first).toEqual({ state: 'resolved', value: 'one' });
    expect(second).toEqual({ state: 'resolved', value: 'two' });
    expect(vi.getTimerCount()).toBe(0);
    // The relay said at once it had each request, before the background answered.
    const kinds = posted(win).map((data) => (data.kind === 'ready' && data.id ? `ready ${data.id}` : data.kind));
    const [a, b] = requests(win);
    expect(kinds.indexOf(`ready ${a!.id}`)).toBeLessThan(kinds.indexOf('response'));
    expect(kinds).toContain(`ready ${b!.id}`);
  });

  it('already running when the page forges ready: the request is answered, not timed out', async () => {
    const win = createFakeWindow(ORIGIN);
    startRealRelay(win);
    const provider = discoverProvider(win);
    forgeReady(win);
    const answer = track(provider.request({ method: 'atsign_getGrant' }));
    await vi.advanceTimersByTimeAsync(50);
    expect(answer).toEqual({ state: 'resolved', value: 'atsign_getGrant' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops the clock once it has the request: an answer that takes minutes (a consent window) still arrives', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const answer = track(provider.request({ method: 'atsign_connect' }));
    startRealRelay(win, 3 * 60_000);
    await vi.advanceTimersByTimeAsync(50);
    // Only the background's answer is still to come: the provider has no clock running.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS * 10);
    expect(answer.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(answer).toEqual({ state: 'resolved', value: 'atsign_connect' });
  });

  it('once heard from, gets later requests without asking, and they run no clock', async () => {
    const win = createFakeWindow(ORIGIN);
    const send = startRealRelay(win, 60_000);
    const provider = discoverProvider(win);
    void provider.request({ method: 'first' });
    await vi.advanceTimersByTimeAsync(50);
    const later = track(provider.request({ method: 'later' }));
    await deliver();
    expect(requests(win).map((r) => [r.method, r.heard])).toEqual([
      ['first', undefined],
      ['later', 0],
    ]);
    expect(posted(win).filter((data) => data.kind === 'ready' && data.id)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_050);
    expect(later).toEqual({ state: 'resolved', value: 'later' });
    expect(send).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a page still loading', () => {
  /** A window whose document is still being parsed, until `loaded()`. */
  function loadingWindow() {
    const win = createFakeWindow(ORIGIN);
    const document = { readyState: 'loading' };
    Object.defineProperty(win, 'document', { value: document });
    const loaded = () => {
      document.readyState = 'interactive';
      win.dispatchEvent(new Event('DOMContentLoaded'));
    };
    return { win, loaded };
  }

  it('holds requests without a clock until DOMContentLoaded, then gives the relay the timeout to start', async () => {
    const { win, loaded } = loadingWindow();
    const provider = discoverProvider(win);
    const answer = track(provider.request({ method: 'atsign_getGrant' }));
    // A slow page: the relay cannot start before it has loaded, however long that takes.
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS * 4);
    expect(answer.state).toBe('pending');
    expect(vi.getTimerCount()).toBe(0);

    loaded();
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 100);
    expect(answer.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(answer.value).toMatchObject(UNREACHABLE);
  });

  it('is answered once the relay starts after DOMContentLoaded, even after a forged ready', async () => {
    const { win, loaded } = loadingWindow();
    const provider = discoverProvider(win);
    forgeReady(win);
    await deliver();
    const lost = track(provider.request({ method: 'lost' }));
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS * 2);
    loaded();
    await vi.advanceTimersByTimeAsync(200);
    startRealRelay(win);
    const later = track(provider.request({ method: 'later' }));
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(lost.value).toMatchObject(UNREACHABLE);
    expect(later).toEqual({ state: 'resolved', value: 'later' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a held request that cannot be sent', () => {
  it('is refused at once with -32602, and does not stop the held requests after it', async () => {
    const win = createFakeWindow(ORIGIN);
    const provider = discoverProvider(win);
    const badMethod = track(provider.request({ method: (() => 'x') as unknown as string }));
    const good = track(provider.request({ method: 'good' }));
    await deliver();
    expect(badMethod.value).toMatchObject({ code: -32602 });
    startRealRelay(win);
    await vi.advanceTimersByTimeAsync(50);
    expect(good).toEqual({ state: 'resolved', value: 'good' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the relay', () => {
  function relay() {
    const win = createFakeWindow(ORIGIN);
    const port = { send: vi.fn<RelayPort['send']>(() => new Promise(() => {})), onEvent: vi.fn() };
    startRelay(asWindow(win), port);
    const pagePosts = (data: unknown) => receive(win, data, { source: win, origin: ORIGIN });
    const said = () => win.posts.slice(1).map((post) => post.data);
    return { win, port, pagePosts, said };
  }

  it('says at once, to its own origin, that it has a request not marked heard, before the background answers', async () => {
    const { win, port, pagePosts, said } = relay();
    pagePosts({ ns: NS, kind: 'request', id: 'p:1', method: 'atsign_connect' });
    expect(said()).toEqual([{ ns: NS, kind: 'ready', id: 'p:1' }]);
    await deliver();
    expect(port.send).toHaveBeenCalledWith({ ns: NS, kind: 'request', method: 'atsign_connect', params: undefined });
    expect(win.targetOrigins.every((target) => target === ORIGIN)).toBe(true);
  });

  it('says nothing for a request marked heard, nor for one it does not take', async () => {
    const { pagePosts, said, win } = relay();
    pagePosts({ ns: NS, kind: 'request', id: 'p:1', method: 'atsign_getGrant', heard: 0 });
    pagePosts({ ns: NS, kind: 'request', id: 'i'.repeat(101), method: 'atsign_getGrant' });
    pagePosts({ ns: NS, kind: 'request', id: 7, method: 'atsign_getGrant' });
    receive(win, { ns: NS, kind: 'request', id: 'p:2', method: 'atsign_getGrant' }, { source: {}, origin: ORIGIN });
    await deliver();
    expect(said()).toEqual([]);
  });
});
