// An event for an origin reaches every frame that origin opened — and no
// frame of any other origin — as the envelope the relay expects.
import type { Browser } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteEvents, type SendToFrame } from '@/src/background/events/events';
import { FrameRegistry } from '@/src/background/events/frames';
import { NS } from '@/src/shared/protocol';

const SITE = 'https://site.example';

function setup(send: SendToFrame = async () => undefined) {
  const frames = new FrameRegistry((fakeBrowser as unknown as Browser).storage.session);
  const sent = vi.fn(send);
  return { frames, sent, events: new SiteEvents(frames, sent) };
}

const envelope = (origin: string, name: string, data: unknown) => ({ ns: NS, kind: 'event', origin, name, data });

describe('SiteEvents.emit', () => {
  it('sends the event envelope to every frame of the origin', async () => {
    const { frames, sent, events } = setup();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember(SITE, { tabId: 2, frameId: 4 });
    await events.emit(SITE, 'profileChanged', { email: 'b@work.example' });
    const message = envelope(SITE, 'profileChanged', { email: 'b@work.example' });
    expect(sent.mock.calls).toEqual([
      [1, message, 0],
      [2, message, 4],
    ]);
  });

  it('sends nothing to the frames of another origin, even one differing only by port', async () => {
    const { frames, sent, events } = setup();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember('https://site.example:8443', { tabId: 2, frameId: 0 });
    await frames.remember('http://site.example', { tabId: 3, frameId: 0 });
    await frames.remember('https://evil.example', { tabId: 4, frameId: 0 });
    await events.emit(SITE, 'grantChanged', null);
    expect(sent.mock.calls).toEqual([[1, envelope(SITE, 'grantChanged', null), 0]]);

    sent.mockClear();
    await events.emit('https://site.example:8443', 'revoked', { grantId: 'g1', reason: 'person' });
    expect(sent.mock.calls).toEqual([
      [2, envelope('https://site.example:8443', 'revoked', { grantId: 'g1', reason: 'person' }), 0],
    ]);
  });

  it('sends nothing when the origin has no open frames', async () => {
    const { sent, events } = setup();
    await events.emit(SITE, 'grantChanged', null);
    expect(sent).not.toHaveBeenCalled();
  });

  it('forgets a frame whose send fails, and still reaches the others', async () => {
    const { frames, sent, events } = setup(async (tabId) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember(SITE, { tabId: 2, frameId: 0 });
    await frames.remember(SITE, { tabId: 3, frameId: 0 });

    await expect(events.emit(SITE, 'grantChanged', null)).resolves.toBeUndefined();
    expect(sent.mock.calls.map(([tabId]) => tabId)).toEqual([1, 2, 3]);
    expect(await frames.framesOf(SITE)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 3, frameId: 0 },
    ]);

    sent.mockClear();
    await events.emit(SITE, 'grantChanged', null);
    expect(sent.mock.calls.map(([tabId]) => tabId)).toEqual([1, 3]);
  });

  it('forgets only the failing frame of a tab, for that origin only', async () => {
    const { frames, events } = setup(async (tabId, message, frameId) => {
      if (tabId === 1 && frameId === 5 && message.origin === SITE) throw new Error('frame gone');
    });
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember(SITE, { tabId: 1, frameId: 5 });
    await frames.remember('https://other.example', { tabId: 1, frameId: 5 });
    await events.emit(SITE, 'grantChanged', null);
    expect(await frames.framesOf(SITE)).toEqual([{ tabId: 1, frameId: 0 }]);
    expect(await frames.framesOf('https://other.example')).toEqual([{ tabId: 1, frameId: 5 }]);
  });
});
