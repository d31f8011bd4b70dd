// Host access the wallet asks for when the person names a server it must read
// over HTTPS (a private atPlatform's root). Asked from the page where they
// named it, while their click still counts as the gesture a browser wants.
import { browser } from 'wxt/browser';

/**
 * Resolves when the wallet may read `origin`; rejects with a sentence when the
 * person said no. Only Firefox asks: Chromium's host access already covers
 * every https site, as the content scripts run on all of them.
 */
export async function ensureHostAccess(origin: string): Promise<void> {
  if (!import.meta.env.FIREFOX) return;
  // Asked straight away: Firefox takes a request only while the click that
  // led to it is still being handled, and answers true at once when the
  // wallet already has the access.
  // A match pattern names no port: access to the host covers all of them.
  const pattern = `https://${new URL(origin).hostname}/*`;
  if (!(await browser.permissions.request({ origins: [pattern] }))) {
    throw new Error(`The wallet needs your permission to ask ${origin} where atServers are.`);
  }
}
