import type { Browser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/src/background';
import { ErrorCode } from '@/src/shared/errors';
import { NS } from '@/src/shared/protocol';
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
