import { describe, expect, it } from 'vitest';
import { callerFromSender, withTopOrigin, type PageCaller } from '@/src/background/caller';
import { contentScriptSender, tab, type Sender } from './support/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${ID}`;
// The background passes runtime.getURL('/'): the origin with a trailing slash.
const who = (sender: Sender) => callerFromSender(sender, ID, `${EXTENSION_ORIGIN}/`);

describe('the wallet’s own pages', () => {
  it('are ui (Chromium reports the origin)', () => {
    expect(who({ id: ID, origin: EXTENSION_ORIGIN, url: `${EXTENSION_ORIGIN}/popup.html` })).toEqual({ kind: 'ui' });
  });

  it('are ui when opened in a tab, like onboarding', () => {
    expect(who({ id: ID, origin: EXTENSION_ORIGIN, url: `${EXTENSION_ORIGIN}/onboarding.html`, tab: tab(3) })).toEqual({
      kind: 'ui',
    });
  });
});

describe('content scripts in web pages', () => {
  it('are a page of the frame’s exact origin, with tab and frame', () => {
    const sender = contentScriptSender(ID, 'https://site.example:8443/path?q=1#top', { tab: tab(12), frameId: 3 });
    expect(who(sender)).toEqual({ kind: 'page', origin: 'https://site.example:8443', topOrigin: null, tabId: 12, frameId: 3 });
  });

  it('keep http and https apart, and drop only default ports', () => {
    expect(who(contentScriptSender(ID, 'http://site.example/'))).toMatchObject({ origin: 'http://site.example' });
    expect(who(contentScriptSender(ID, 'https://site.example:443/'))).toMatchObject({ origin: 'https://site.example' });
    expect(who(contentScriptSender(ID, 'http://localhost:3000/'))).toMatchObject({ origin: 'http://localhost:3000' });
  });

  it('are frame 0 when the browser gives no frameId', () => {
    expect(who(contentScriptSender(ID, 'https://site.example/', { frameId: undefined }))).toMatchObject({ frameId: 0 });
  });

  it('take sender.origin over sender.url when both are present (Chromium)', () => {
    // An about:blank or srcdoc frame reports its creator's origin but not a useful url.
    expect(who(contentScriptSender(ID, 'about:blank', { origin: 'https://site.example' }))).toMatchObject({
      kind: 'page',
      origin: 'https://site.example',
    });
    expect(
      who(contentScriptSender(ID, 'https://old.example/page', { origin: 'https://site.example' })),
    ).toMatchObject({ origin: 'https://site.example' });
  });

  it('use sender.url when there is no sender.origin (Firefox)', () => {
    expect(who(contentScriptSender(ID, 'https://site.example/a/b'))).toMatchObject({ origin: 'https://site.example' });
  });
});

describe('nobody', () => {
  it('is what a sender from another extension is, whatever its url', () => {
    expect(who(contentScriptSender('another-extension', 'https://site.example/'))).toBeNull();
    expect(who({ id: 'another-extension', origin: EXTENSION_ORIGIN })).toBeNull();
    expect(who({ tab: tab(7), url: 'https://site.example/' })).toBeNull();
  });

  it('is what a web sender without a tab is', () => {
    expect(who({ id: ID, url: 'https://site.example/' })).toBeNull();
    expect(who({ id: ID, origin: 'https://site.example', url: 'https://site.example/' })).toBeNull();
  });

  it('is what an opaque origin is, even when the url is http(s) (sandboxed frame)', () => {
    expect(who(contentScriptSender(ID, 'https://site.example/', { origin: 'null' }))).toBeNull();
    expect(who(contentScriptSender(ID, 'data:text/html,<p>hi</p>'))).toBeNull();
  });

  it.each([
    ['file:', 'file:///home/alice/page.html'],
    ['another extension’s page', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/page.html'],
    ['data:', 'data:text/html,hello'],
    ['about:blank', 'about:blank'],
    ['ftp:', 'ftp://files.example/'],
    ['blob: of an opaque origin', 'blob:null/0d1a2b3c'],
  ])('is what a %s url is', (_label, url) => {
    expect(who(contentScriptSender(ID, url))).toBeNull();
  });

  it.each([
    ['another extension', 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba'],
    ['file:', 'file://'],
    ['a websocket', 'wss://site.example'],
  ])('is what a reported origin of %s is', (_label, origin) => {
    expect(who(contentScriptSender(ID, 'https://site.example/', { origin }))).toBeNull();
  });

  it('is what a sender with no url and no origin is, or an unparsable url', () => {
    expect(who({ id: ID, tab: tab(1) })).toBeNull();
    expect(who(contentScriptSender(ID, 'not a url'))).toBeNull();
  });
});

describe('a page claiming the extension’s origin', () => {
  it('is the web origin the browser reports, not ui', () => {
    expect(
      who({ id: ID, origin: 'https://evil.example', url: `${EXTENSION_ORIGIN}/popup.html`, tab: tab(1) }),
    ).toMatchObject({ kind: 'page', origin: 'https://evil.example' });
  });
});

describe('a cross-origin iframe', () => {
  it('is its own origin, with the page around it named as the top origin', () => {
    const sender = contentScriptSender(ID, 'https://widget.example/frame', {
      tab: { ...tab(4), url: 'https://news.example/story' },
      frameId: 9,
    });
    expect(who(sender)).toMatchObject({ origin: 'https://widget.example', topOrigin: 'https://news.example' });
  });

  it('has no top origin when it is the same site as the page around it', () => {
    const sender = contentScriptSender(ID, 'https://news.example/frame', {
      tab: { ...tab(4), url: 'https://news.example/story' },
      frameId: 9,
    });
    expect(who(sender)).toMatchObject({ origin: 'https://news.example', topOrigin: null });
  });
});

describe('a cross-origin iframe in Firefox, which gives no tab address', () => {
  const frameSender = (frameId = 9) => contentScriptSender(ID, 'https://widget.example/frame', { tab: tab(4), frameId });
  const frameCaller = (sender: Sender) => who(sender) as PageCaller;

  it('learns the top page from the wallet’s relay in the top frame', async () => {
    const sender = frameSender();
    const asked: number[] = [];
    const full = await withTopOrigin(frameCaller(sender), sender, async (tabId) => {
      asked.push(tabId);
      return 'https://news.example';
    });
    expect(asked).toEqual([4]);
    expect(full).toMatchObject({ origin: 'https://widget.example', topOrigin: 'https://news.example', tabId: 4, frameId: 9 });
  });

  it.each([
    ['the top frame has no relay', () => Promise.reject(new Error('Could not establish connection'))],
    ['the answer is not an origin', async () => 'https://news.example/story'],
    ['the answer is not text', async () => ({ origin: 'https://news.example' })],
    ['the top page is the frame’s own origin', async () => 'https://widget.example'],
  ])('leaves the top origin out when %s', async (_label, ask) => {
    const sender = frameSender();
    expect((await withTopOrigin(frameCaller(sender), sender, ask, { tries: 3, apartMs: 1 })).topOrigin).toBeNull();
  });

  it('asks again while the top frame’s relay has not started, and takes its answer once it has', async () => {
    const sender = frameSender(9);
    let asked = 0;
    const ask = async () => {
      asked += 1;
      if (asked < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'https://news.example';
    };
    const full = await withTopOrigin(frameCaller(sender), sender, ask, { tries: 5, apartMs: 1 });
    expect(asked).toBe(3);
    expect(full.topOrigin).toBe('https://news.example');
  });

  it('gives up after its tries when the top frame never answers, and asks only once for a wrong answer', async () => {
    const sender = frameSender(9);
    let asked = 0;
    const never = async () => {
      asked += 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect((await withTopOrigin(frameCaller(sender), sender, never, { tries: 4, apartMs: 1 })).topOrigin).toBeNull();
    expect(asked).toBe(4);
    asked = 0;
    const wrong = async () => {
      asked += 1;
      return 'https://news.example/story';
    };
    expect((await withTopOrigin(frameCaller(sender), sender, wrong, { tries: 4, apartMs: 1 })).topOrigin).toBeNull();
    expect(asked).toBe(1);
  });

  it('asks nothing for a top frame, or when the browser gave the tab’s address', async () => {
    const never = () => Promise.reject(new Error('asked'));
    const top = frameSender(0);
    expect((await withTopOrigin(frameCaller(top), top, never)).topOrigin).toBeNull();
    const chromium = contentScriptSender(ID, 'https://widget.example/frame', { tab: { ...tab(4), url: 'https://news.example/' }, frameId: 9 });
    expect((await withTopOrigin(frameCaller(chromium), chromium, never)).topOrigin).toBe('https://news.example');
  });
});
