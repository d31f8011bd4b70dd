// A clock the end-to-end tests can move forward, so a "1 hour" grant can be
// seen to expire without waiting an hour. It exists only in a test build
// (`wxt build --mode e2e`, written to .output/*-e2e): the shipped build's
// clock is Date.now, and a test checks this code is not in it.
import type { Browser } from 'webextension-polyfill';

export const TEST_CLOCK_KEY = 'testClockOffsetMs';

/** Date.now plus an offset the tests set in storage.session; `onMove` runs when they move it. */
export function testClock(browser: Browser, onMove: () => void): () => number {
  let offset = 0;
  void browser.storage.session.get(TEST_CLOCK_KEY).then((items) => {
    offset = Number(items[TEST_CLOCK_KEY] ?? 0);
  });
  browser.storage.session.onChanged.addListener((changes) => {
    if (!(TEST_CLOCK_KEY in changes)) return;
    offset = Number(changes[TEST_CLOCK_KEY]!.newValue ?? 0);
    onMove();
  });
  return () => Date.now() + offset;
}
