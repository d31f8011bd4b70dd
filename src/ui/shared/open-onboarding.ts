// The onboarding page lives in a full tab: there is room for files and keys.
import { browser } from 'wxt/browser';

export async function openOnboarding(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
}
