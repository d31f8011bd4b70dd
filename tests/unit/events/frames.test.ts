// Which frames hear an origin's events: remembered per full origin, without
// duplicates, across a service-worker restart, and forgotten when their tab closes.
import type { Browser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FrameRegistry } from '@/src/background/events/frames';

const SITE = 'https://site.example';
const OTHER = 'https://other.example';

/** storage.session of the fake browser: survives a worker restart, not a browser restart. */
const session = () => (fakeBrowser as unknown as Browser).storage.session;
const registry = () => new FrameRegistry(session());

describe('FrameRegistry', () => {
  it('remembers frames per origin', async () => {
    const frames = registry();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember(SITE, { tabId: 2, frameId: 3 });
    await frames.remember(OTHER, { tabId: 5, frameId: 0 });
    expect(await frames.framesOf(SITE)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 2, frameId: 3 },
    ]);
    expect(await frames.framesOf(OTHER)).toEqual([{ tabId: 5, frameId: 0 }]);
    expect(await frames.framesOf('https://third.example')).toEqual([]);
  });

  it('keys by full origin: another port, scheme or subdomain is another origin', async () => {
    const frames = registry();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    for (const origin of ['https://site.example:8443', 'http://site.example', 'https://www.site.example'])
      expect(await frames.framesOf(origin)).toEqual([]);
  });

  it('remembers a frame once however often it talks', async () => {
    const frames = registry();
    for (let i = 0; i < 3; i++) await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await Promise.all([frames.remember(SITE, { tabId: 1, frameId: 0 }), frames.remember(SITE, { tabId: 1, frameId: 0 })]);
    expect(await frames.framesOf(SITE)).toEqual([{ tabId: 1, frameId: 0 }]);
  });

  it('tells frames of one tab apart', async () => {
    const frames = registry();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember(SITE, { tabId: 1, frameId: 7 });
    expect(await frames.framesOf(SITE)).toHaveLength(2);
  });

  it('keeps what it remembered across a restart of the background', async () => {
    const before = registry();
    await Promise.all([
      before.remember(SITE, { tabId: 1, frameId: 0 }),
      before.remember(SITE, { tabId: 2, frameId: 0 }),
      before.remember(OTHER, { tabId: 3, frameId: 4 }),
    ]);
    const after = registry();
    expect(await after.framesOf(SITE)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 2, frameId: 0 },
    ]);
    expect(await after.framesOf(OTHER)).toEqual([{ tabId: 3, frameId: 4 }]);
  });

  it('forgets one frame of one origin only', async () => {
    const frames = registry();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    await frames.remember(SITE, { tabId: 1, frameId: 1 });
    await frames.remember(OTHER, { tabId: 1, frameId: 0 });
    await frames.forget(SITE, { tabId: 1, frameId: 0 });
    expect(await frames.framesOf(SITE)).toEqual([{ tabId: 1, frameId: 1 }]);
    expect(await frames.framesOf(OTHER)).toEqual([{ tabId: 1, frameId: 0 }]);
  });

  it('keeps at most 200 frames per origin, dropping the oldest', async () => {
    const frames = registry();
    for (let tabId = 1; tabId <= 205; tabId++) await frames.remember(SITE, { tabId, frameId: 0 });
    await frames.remember(OTHER, { tabId: 1, frameId: 0 });
    const kept = await frames.framesOf(SITE);
    expect(kept).toHaveLength(200);
    expect(kept[0]).toEqual({ tabId: 6, frameId: 0 });
    expect(kept.at(-1)).toEqual({ tabId: 205, frameId: 0 });
    expect(await frames.framesOf(OTHER)).toHaveLength(1);
    expect(await registry().framesOf(SITE)).toHaveLength(200);
  });

  it('answers a copy, so a caller cannot change what it remembers', async () => {
    const frames = registry();
    await frames.remember(SITE, { tabId: 1, frameId: 0 });
    (await frames.framesOf(SITE)).push({ tabId: 99, frameId: 0 });
    expect(await frames.framesOf(SITE)).toEqual([{ tabId: 1, frameId: 0 }]);
  });
});
