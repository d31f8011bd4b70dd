import type { Browser } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/src/background';
import { ErrorCode } from '@/src/shared/errors';
import { NS, RELAY_PORT } from '@/src/shared/protocol';
import { connect, type FakePort } from './support/fake-ports';
import { makeGrant } from './support/grants';
import { contentScriptSender, type Sender } from './support/senders';
import { testServices } from './support/services';

// fakeBrowser.runtime.id is 'test-extension-id'; getURL('/') gives
// 'chrome-extension://test-extension-id/'.
const pageOf = (url: string, extra: Partial<Sender> = {}) => contentScriptSender(fakeBrowser.runtime.id, url, extra);

function setup() {
  const { db, clock, services } = testServices();
  startBackground(fakeBrowser as unknown as Browser, services);
  /** Delivers a message as runtime.onMessage would; the one listener's answer. */
  const deliver = async (message: unknown, sender: Sender) => {
    // fakeBrowser is typed with Chrome's types, the background with the polyfill's.
    const chromeSender = sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, chromeSender, () => {});
    expect(answers).toHaveLength(1);
    return answers[0] as unknown;
  };
  return { db, clock, deliver };
}

const getGrant = { ns: NS, kind: 'request', method: 'atsign_getGrant' };

/** What the background posted on `port` besides its word that a request arrived. */
const answers = (port: FakePort) => port.posted.filter((message) => !(message as { received?: unknown }).received);

/** Waits until the background has posted `count` replies on `port`. */
async function replies(port: FakePort, count: number) {
  await vi.waitFor(() => expect(answers(port).length).toBeGreaterThanOrEqual(count));
  return answers(port);
}

describe('a relay’s port', () => {
  it('answers each numbered request on the port it came by, from the origin the browser reports for that port', async () => {
    const { db } = setup();
    const grant = makeGrant({ origin: 'https://site.example' });
    await db.grants.bulkAdd([grant, makeGrant({ origin: 'https://bank.example' })]);
    const port = connect(RELAY_PORT, pageOf('https://site.example/login'));
    // An origin claimed in the message changes nothing: the port's sender is the caller.
    port.onMessage.fire({ id: 1, message: { ...getGrant, origin: 'https://bank.example' } });
    port.onMessage.fire({ id: 2, message: { ...getGrant, params: { x: 1 } } });
    expect(await replies(port, 2)).toEqual(
      expect.arrayContaining([
        { id: 1, reply: { ok: true, result: grant } },
        { id: 2, reply: { ok: false, error: expect.objectContaining({ code: ErrorCode.InvalidParams }) } },
      ]),
    );
  });

  it('answers what is not a wallet request with -32600, and ignores envelopes with no number', async () => {
    setup();
    const port = connect(RELAY_PORT, pageOf('https://site.example/'));
    port.onMessage.fire({ id: 'x', message: getGrant });
    port.onMessage.fire(null);
    port.onMessage.fire({ id: 3, message: { ns: NS, kind: 'event', name: 'grantChanged' } });
    expect(await replies(port, 1)).toEqual([
      { id: 3, reply: { ok: false, error: expect.objectContaining({ code: ErrorCode.InvalidRequest }) } },
    ]);
  });

  it('answers 4100 on a port from another extension or a frame with no tab', async () => {
    const { db } = setup();
    await db.grants.add(makeGrant({ origin: 'https://site.example' }));
    for (const sender of [pageOf('https://site.example/', { id: 'another-extension-id' }), pageOf('https://site.example/', { tab: undefined })]) {
      const port = connect(RELAY_PORT, sender);
      port.onMessage.fire({ id: 1, message: getGrant });
      expect(await replies(port, 1)).toEqual([{ id: 1, reply: { ok: false, error: expect.objectContaining({ code: ErrorCode.Unauthorized }) } }]);
    }
  });

  it('says at once that each numbered request arrived, before its answer is ready', () => {
    setup();
    const port = connect(RELAY_PORT, pageOf('https://site.example/'));
    port.onMessage.fire({ id: 7, message: getGrant });
    port.onMessage.fire({ id: 'x', message: getGrant });
    // Still inside the listener's turn: the answer reads the database, the receipt does not wait for it.
    expect(port.posted).toEqual([{ id: 7, received: true }]);
  });

  it('leaves ports of other names alone', async () => {
    setup();
    const port = connect('someone-else', pageOf('https://site.example/'));
    expect(port.onMessage.hasListeners()).toBe(false);
  });

  it('keeps answering other frames when one frame has gone before its answer', async () => {
    setup();
    const gone = connect(RELAY_PORT, pageOf('https://site.example/'));
    gone.gone = true;
    gone.onMessage.fire({ id: 1, message: getGrant });
    const here = connect(RELAY_PORT, pageOf('https://other.example/'));
    here.onMessage.fire({ id: 1, message: getGrant });
    expect(await replies(here, 1)).toEqual([{ id: 1, reply: { ok: true, result: null } }]);
  });
});

describe('runtime.onMessage', () => {
  it('answers a page with its own grant, from the origin the browser reports', async () => {
    const { db, deliver } = setup();
    const grant = makeGrant({ origin: 'https://site.example' });
    await db.grants.bulkAdd([grant, makeGrant({ origin: 'https://other.example' })]);

    expect(await deliver(getGrant, pageOf('https://site.example/login'))).toEqual({ ok: true, result: grant });
    expect(await deliver(getGrant, pageOf('https://other.example/'))).toEqual({
      ok: true,
      result: expect.objectContaining({ origin: 'https://other.example' }),
    });
    expect(await deliver(getGrant, pageOf('https://third.example/'))).toEqual({ ok: true, result: null });
  });

  it('prefers sender.origin to sender.url (Chromium)', async () => {
    const { db, deliver } = setup();
    const grant = makeGrant({ origin: 'https://site.example' });
    await db.grants.add(grant);
    expect(await deliver(getGrant, pageOf('about:blank', { origin: 'https://site.example' }))).toEqual({
      ok: true,
      result: grant,
    });
  });

  it('ignores an origin the message claims', async () => {
    const { db, deliver } = setup();
    await db.grants.add(makeGrant({ origin: 'https://bank.example' }));
    const claim = { ...getGrant, origin: 'https://bank.example', sender: { origin: 'https://bank.example' } };
    expect(await deliver(claim, pageOf('https://site.example/'))).toEqual({ ok: true, result: null });
  });

  it('does not serve wallet UI methods to a page', async () => {
    const { db, deliver } = setup();
    await db.grants.add(makeGrant());
    const listGrants = { ns: NS, kind: 'request', method: 'wallet_listGrants' };
    const reply = await deliver(listGrants, pageOf('https://site.example/'));
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.UnsupportedMethod } });
  });

  it('answers bad params with -32602', async () => {
    const { deliver } = setup();
    const reply = await deliver({ ...getGrant, params: { x: 1 } }, pageOf('https://site.example/'));
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidParams } });
  });

  it.each([
    ['a message with no ns', { kind: 'request', method: 'atsign_getGrant' }],
    ['a message of another ns', { ...getGrant, ns: 'atsign-wallet/0' }],
    ['a response', { ...getGrant, kind: 'response' }],
    ['an event', { ns: NS, kind: 'event', name: 'grantChanged', data: null }],
    ['null', null],
    ['a string', 'atsign_getGrant'],
  ])('leaves %s to other listeners (answers undefined)', async (_label, message) => {
    const { deliver } = setup();
    expect(await deliver(message, pageOf('https://site.example/'))).toBeUndefined();
  });

  it.each([
    ['another extension', pageOf('https://site.example/', { id: 'another-extension-id' })],
    ['a web sender without a tab', pageOf('https://site.example/', { tab: undefined })],
    ['a sandboxed frame (opaque origin)', pageOf('https://site.example/', { origin: 'null' })],
    ['a file: page', pageOf('file:///home/alice/index.html')],
  ])('answers %s with 4100 and nothing else', async (_label, sender) => {
    const { db, deliver } = setup();
    await db.grants.add(makeGrant({ origin: 'https://site.example' }));
    expect(await deliver(getGrant, sender)).toEqual({
      ok: false,
      error: { code: ErrorCode.Unauthorized, message: expect.any(String) },
    });
  });
});
