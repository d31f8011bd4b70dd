// The background's one listener: a page that subscribes is sent its origin's
// events; a sender that is not one of our frames is not.
import type { Browser } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/src/background';
import { ErrorCode } from '@/src/shared/errors';
import { NS } from '@/src/shared/protocol';
import { contentScriptSender, tab, type Sender } from '../support/senders';
import { testServices } from '../support/services';

const SUBSCRIBE = { ns: NS, kind: 'subscribe' };
const SITE = 'https://site.example';

const pageOf = (url: string, extra: Partial<Sender> = {}) => contentScriptSender(fakeBrowser.runtime.id, url, extra);

function setup() {
  const { services } = testServices();
  startBackground(fakeBrowser as unknown as Browser, services);
  const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  /** Delivers a message as runtime.onMessage would; the listener's one answer. */
  const deliver = async (message: unknown, sender: Sender) => {
    const chromeSender = sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, chromeSender, () => {});
    expect(answers).toHaveLength(1);
    return answers[0] as unknown;
  };
  const event = (origin: string) => ({ ns: NS, kind: 'event', origin, name: 'grantChanged', data: null });
  return { services, sendMessage, deliver, event };
}

describe('subscribe', () => {
  it('registers the frame for its origin, so an event for that origin reaches it', async () => {
    const { services, sendMessage, deliver, event } = setup();
    expect(await deliver(SUBSCRIBE, pageOf(`${SITE}/account`, { tab: tab(7), frameId: 0 }))).toEqual({
      ok: true,
      result: null,
    });
    await services.events.emit(SITE, 'grantChanged', null);
    expect(sendMessage.mock.calls).toEqual([[7, event(SITE), { frameId: 0 }]]);
  });

  it('registers an embedded frame by the origin the browser reports for it', async () => {
    const { services, sendMessage, deliver, event } = setup();
    await deliver(SUBSCRIBE, pageOf('https://widget.example/embed', { tab: tab(9), frameId: 4 }));
    await services.events.emit('https://widget.example', 'grantChanged', null);
    await services.events.emit(SITE, 'grantChanged', null);
    expect(sendMessage.mock.calls).toEqual([[9, event('https://widget.example'), { frameId: 4 }]]);
  });

  it('sends each origin only its own events, every open tab of it', async () => {
    const { services, sendMessage, deliver, event } = setup();
    await deliver(SUBSCRIBE, pageOf(`${SITE}/a`, { tab: tab(1) }));
    await deliver(SUBSCRIBE, pageOf(`${SITE}/b`, { tab: tab(2) }));
    await deliver(SUBSCRIBE, pageOf('https://site.example:8443/', { tab: tab(3) }));
    await services.events.emit(SITE, 'grantChanged', null);
    expect(sendMessage.mock.calls).toEqual([
      [1, event(SITE), { frameId: 0 }],
      [2, event(SITE), { frameId: 0 }],
    ]);
  });

  it('does not believe an origin the message claims', async () => {
    const { services, sendMessage, deliver } = setup();
    await deliver({ ...SUBSCRIBE, origin: 'https://bank.example' }, pageOf(`${SITE}/`, { tab: tab(1) }));
    await services.events.emit('https://bank.example', 'grantChanged', null);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('answers a sender of another extension with 4100, and sends it nothing', async () => {
    const { services, sendMessage, deliver } = setup();
    const reply = await deliver(SUBSCRIBE, pageOf(`${SITE}/`, { id: 'another-extension-id', tab: tab(1) }));
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.Unauthorized } });
    await services.events.emit(SITE, 'grantChanged', null);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('does not register a frame with an opaque origin or without a tab', async () => {
    const { services, sendMessage, deliver } = setup();
    await deliver(SUBSCRIBE, pageOf(`${SITE}/`, { origin: 'null', tab: tab(1) }));
    await deliver(SUBSCRIBE, pageOf(`${SITE}/`, { tab: undefined }));
    await services.events.emit(SITE, 'grantChanged', null);
    await services.events.emit('null', 'grantChanged', null);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('forgets the frames of a tab that closed once sending to it fails', async () => {
    const { services, sendMessage, deliver } = setup();
    await deliver(SUBSCRIBE, pageOf(`${SITE}/`, { tab: tab(1) }));
    await deliver(SUBSCRIBE, pageOf(`${SITE}/`, { tab: tab(2) }));
    // The wallet does not listen to every tab closing (that would wake it for
    // any tab anywhere); a send to a closed tab fails, and the frame is dropped.
    sendMessage.mockImplementation(async (tabId: number) => {
      if (tabId === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await services.events.emit(SITE, 'grantChanged', null);
    expect(await services.frames.framesOf(SITE)).toEqual([{ tabId: 2, frameId: 0 }]);
  });
});
