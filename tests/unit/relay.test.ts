import { describe, expect, it, vi } from 'vitest';
import { startRelay, type RelayPort } from '@/src/content/relay';
import { NS } from '@/src/shared/protocol';
import { asWindow, createFakeWindow, receive, settle } from './support/fake-window';

const ORIGIN = 'https://site.example';

function setup(send: RelayPort['send'] = async () => ({ ok: true, result: 'pong' })) {
  const win = createFakeWindow(ORIGIN);
  const port = { send: vi.fn(send), onEvent: vi.fn<RelayPort['onEvent']>() };
  startRelay(asWindow(win), port);
  /** What the relay posted to the page after its first word, `ready` (the page itself posts nothing through this window here). */
  const toPage = () => win.posts.slice(1).map((post) => post.data);
  /** The relay's answers to requests (not its word that it holds them). */
  const responses = () => toPage().filter((data) => (data as { kind?: string }).kind === 'response');
  /** Plays the page: a message it posted to its own window arrives. */
  const pagePosts = (data: unknown) => receive(win, structuredClone(data), { source: win, origin: ORIGIN });
  /** Plays the background: pushes an event to the relay. */
  const backgroundEmits = (message: unknown) => port.onEvent.mock.calls[0]![0](message);
  return { win, port, toPage, responses, pagePosts, backgroundEmits };
}

const request = (extra: object = {}) => ({ ns: NS, kind: 'request', id: 'r1', method: 'atsign_getGrant', ...extra });
const event = (extra: object = {}) => ({
  ns: NS,
  kind: 'event',
  origin: ORIGIN,
  name: 'grantChanged',
  data: { id: 'g1' },
  ...extra,
});

describe('starting', () => {
  it('tells the page, at its own origin only, that it is ready — first, and again to each hello', async () => {
    const { win, toPage, pagePosts, port } = setup();
    expect(win.posts).toEqual([{ data: { ns: NS, kind: 'ready' }, targetOrigin: ORIGIN }]);
    pagePosts({ ns: NS, kind: 'hello' });
    await settle();
    expect(toPage()).toEqual([{ ns: NS, kind: 'ready' }]);
    expect(port.send).not.toHaveBeenCalled();
  });

  it('does not answer a hello from another window', async () => {
    const { win, toPage } = setup();
    receive(win, { ns: NS, kind: 'hello' }, { source: {}, origin: ORIGIN });
    await settle();
    expect(toPage()).toEqual([]);
  });
});

describe('requests from the page', () => {
  it('forwards only method and params, never fields the page adds', async () => {
    const { port, pagePosts } = setup();
    pagePosts(
      request({ params: { a: 1 }, origin: 'https://bank.example', sender: { id: 'x' }, tabId: 1, caller: 'ui' }),
    );
    await settle();
    expect(port.send).toHaveBeenCalledTimes(1);
    expect(port.send.mock.calls[0]![0]).toStrictEqual({
      ns: NS,
      kind: 'request',
      method: 'atsign_getGrant',
      params: { a: 1 },
    });
  });

  it('says at once that it holds each request, then posts the reply back to its own origin, tagged with the request id', async () => {
    let answer: (reply: unknown) => void = () => {};
    const { win, port, toPage, pagePosts } = setup(() => new Promise((resolve) => (answer = resolve)));
    pagePosts(request({ id: 'r1' }));
    await settle();
    // The background has the request and has not answered: the page already knows it arrived.
    expect(port.send).toHaveBeenCalledTimes(1);
    expect(toPage()).toEqual([{ ns: NS, kind: 'ready', id: 'r1' }]);
    answer({ ok: true, result: 'pong' });
    await settle();
    expect(toPage()).toEqual([
      { ns: NS, kind: 'ready', id: 'r1' },
      { ns: NS, kind: 'response', id: 'r1', ok: true, result: 'pong' },
    ]);
    expect(win.targetOrigins.every((target) => target === ORIGIN)).toBe(true);
  });

  it('answers each request with its own id, whatever order the replies come in', async () => {
    const replies: Record<string, (v: unknown) => void> = {};
    const { responses, pagePosts } = setup(
      (message) => new Promise((resolve) => (replies[(message as { method: string }).method] = resolve)),
    );
    pagePosts(request({ id: 'first', method: 'one' }));
    pagePosts(request({ id: 'second', method: 'two' }));
    await settle();
    replies.two!({ ok: true, result: 2 });
    await settle();
    replies.one!({ ok: true, result: 1 });
    await settle();
    expect(responses()).toEqual([
      { ns: NS, kind: 'response', id: 'second', ok: true, result: 2 },
      { ns: NS, kind: 'response', id: 'first', ok: true, result: 1 },
    ]);
  });

  it('passes an error reply through unchanged', async () => {
    const { responses, pagePosts } = setup(async () => ({ ok: false, error: { code: 4100, message: 'no grant' } }));
    pagePosts(request());
    await settle();
    expect(responses()).toEqual([
      { ns: NS, kind: 'response', id: 'r1', ok: false, error: { code: 4100, message: 'no grant' } },
    ]);
  });

  it('passes on a failure as its code and message alone (the provider puts all it gets on the Error)', async () => {
    const { responses, pagePosts } = setup(async () => ({
      ok: false,
      error: { code: 4900, message: 'locked', data: { reason: 'wrong-passphrase' } },
    }));
    pagePosts(request());
    await settle();
    expect(responses()).toStrictEqual([
      { ns: NS, kind: 'response', id: 'r1', ok: false, error: { code: 4900, message: 'locked' } },
    ]);
  });

  it('passes on a success as its result alone, whatever else the reply carries', async () => {
    const { responses, pagePosts } = setup(async () => ({ ok: true, result: 7, error: { code: 4001, message: 'no' } }));
    pagePosts(request());
    await settle();
    expect(responses()).toStrictEqual([{ ns: NS, kind: 'response', id: 'r1', ok: true, result: 7 }]);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('Could not establish connection'))],
    ['resolves with nothing', () => Promise.resolve(undefined)],
    ['resolves with a failure that has no code', () => Promise.resolve({ ok: false, error: { message: 'x' } })],
    ['resolves with a failure whose code is text', () => Promise.resolve({ ok: false, error: { code: '4001', message: 'x' } })],
    ['resolves with a failure that has no message', () => Promise.resolve({ ok: false, error: { code: 4001 } })],
    ['resolves with a failure that has no error', () => Promise.resolve({ ok: false })],
    [
      'throws',
      () => {
        throw new Error('Extension context invalidated');
      },
    ],
  ])('answers -32603 when sending to the background %s', async (_label, send) => {
    const { responses, pagePosts } = setup(send);
    pagePosts(request({ id: 'r9' }));
    await settle();
    expect(responses()).toEqual([
      { ns: NS, kind: 'response', id: 'r9', ok: false, error: { code: -32603, message: expect.any(String) } },
    ]);
  });

  it('accepts an id of 100 characters', async () => {
    const { port, responses, pagePosts } = setup();
    const id = 'i'.repeat(100);
    pagePosts(request({ id }));
    await settle();
    expect(port.send).toHaveBeenCalledTimes(1);
    expect(responses()).toMatchObject([{ id }]);
  });
});

describe('messages the relay ignores', () => {
  it.each([
    ['null', null],
    ['a string', 'atsign_getGrant'],
    ['no ns', { kind: 'request', id: 'r1', method: 'atsign_getGrant' }],
    ['another ns', request({ ns: 'atsign-wallet/2' })],
    ['kind response', request({ kind: 'response' })],
    ['kind event', request({ kind: 'event' })],
    ['no kind', request({ kind: undefined })],
    ['a numeric id', request({ id: 1 })],
    ['no id', request({ id: undefined })],
    ['an array id', request({ id: ['r1'] })],
    ['an oversize id', request({ id: 'i'.repeat(101) })],
  ])('a message with %s', async (_label, data) => {
    const { port, toPage, pagePosts } = setup();
    pagePosts(data);
    await settle();
    expect(port.send).not.toHaveBeenCalled();
    expect(toPage()).toEqual([]);
  });

  it('a message from another window (a frame or an opener)', async () => {
    const { win, port, toPage } = setup();
    const otherFrame = createFakeWindow(ORIGIN);
    receive(win, request(), { source: otherFrame, origin: ORIGIN });
    receive(win, request(), { source: null, origin: ORIGIN });
    await settle();
    expect(port.send).not.toHaveBeenCalled();
    expect(toPage()).toEqual([]);
  });

  it('a message whose origin is not this window’s', async () => {
    const { win, port } = setup();
    receive(win, request(), { source: win, origin: 'https://evil.example' });
    await settle();
    expect(port.send).not.toHaveBeenCalled();
  });
});

describe('events from the background', () => {
  it('are passed to the page when addressed to this window’s origin, without the address', async () => {
    const { win, toPage, backgroundEmits } = setup();
    backgroundEmits(event());
    await settle();
    expect(toPage()).toStrictEqual([{ ns: NS, kind: 'event', name: 'grantChanged', data: { id: 'g1' } }]);
    expect(win.targetOrigins).toEqual([ORIGIN, ORIGIN]);
  });

  it.each([
    ['another origin', event({ origin: 'https://other.example' })],
    ['the same host on another port', event({ origin: 'https://site.example:8443' })],
    ['the same host over http', event({ origin: 'http://site.example' })],
    ['no origin', event({ origin: undefined })],
    ['another ns', event({ ns: 'other' })],
    ['kind response', event({ kind: 'response' })],
    ['null', null],
    ['a string', 'grantChanged'],
  ])('are dropped when they have %s', async (_label, message) => {
    const { toPage, backgroundEmits } = setup();
    backgroundEmits(message);
    await settle();
    expect(toPage()).toEqual([]);
  });
});

describe('target origin', () => {
  it('is never "*", across requests, replies, failures and events', async () => {
    let fail = false;
    const { win, pagePosts, backgroundEmits } = setup(async () => {
      if (fail) throw new Error('gone');
      return { ok: true, result: null };
    });
    pagePosts(request({ id: 'a' }));
    await settle();
    fail = true;
    pagePosts(request({ id: 'b' }));
    backgroundEmits(event());
    await settle();
    // ready, for each request its ready and its reply (one a failure), and an event
    expect(win.targetOrigins).toEqual([ORIGIN, ORIGIN, ORIGIN, ORIGIN, ORIGIN, ORIGIN]);
  });
});

describe('a window with an opaque origin', () => {
  it('gets no relay at all', async () => {
    const win = createFakeWindow('null');
    const port = { send: vi.fn(), onEvent: vi.fn() };
    startRelay(asWindow(win), port);
    receive(win, request(), { source: win, origin: 'null' });
    await settle();
    expect(port.send).not.toHaveBeenCalled();
    expect(port.onEvent).not.toHaveBeenCalled();
    expect(win.targetOrigins).toEqual([]);
  });
});

describe('a question from the background', () => {
  it('"which page is this?" is answered with this window’s origin, and posts nothing to the page', () => {
    const { toPage, backgroundEmits } = setup();
    expect(backgroundEmits({ ns: NS, kind: 'whereAmI' })).toBe(ORIGIN);
    expect(backgroundEmits({ ns: 'other', kind: 'whereAmI' })).toBeUndefined();
    expect(backgroundEmits(event())).toBeUndefined();
    expect(toPage().filter((m) => (m as { kind?: string }).kind !== 'event')).toEqual([]);
  });
});
