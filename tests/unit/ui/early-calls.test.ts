import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { startEarly, takeEarly } from '@/src/ui/shared/early-calls';
import { NS } from '@/src/shared/protocol';

/** A background that answers each request with how many it has had, and remembers which. */
function countingBackground() {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
    const { ns, method } = message as { ns?: string; method: string };
    if (ns !== NS) return undefined;
    asked.push(method);
    if (method === 'wallet_listGrants') sendResponse({ ok: false, error: { code: 4900, message: 'The wallet is locked' } });
    else sendResponse({ ok: true, result: { answer: asked.length } });
    return true;
  });
  return asked;
}

describe('questions a page starts before its first paint', () => {
  it('are asked once, answered to the first taker, and asked afresh after that', async () => {
    const asked = countingBackground();
    startEarly('wallet_getState');
    expect(asked).toEqual(['wallet_getState']);
    expect(await takeEarly('wallet_getState')).toEqual({ answer: 1 });
    expect(asked).toEqual(['wallet_getState']);
    // A second taker (a reload) gets a fresh answer, not the early one again.
    expect(await takeEarly('wallet_getState')).toEqual({ answer: 2 });
    expect(asked).toEqual(['wallet_getState', 'wallet_getState']);
  });

  it('asks as usual when nothing was started early', async () => {
    const asked = countingBackground();
    expect(await takeEarly('wallet_getState')).toEqual({ answer: 1 });
    expect(asked).toEqual(['wallet_getState']);
  });

  it('hands a failure to the taker, with its code, and none before', async () => {
    countingBackground();
    startEarly('wallet_listGrants');
    // Nobody has taken it yet: no unhandled rejection meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(takeEarly('wallet_listGrants')).rejects.toMatchObject({ code: 4900 });
  });
});
