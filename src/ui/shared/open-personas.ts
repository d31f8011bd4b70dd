// The persona manager lives in a full tab: an editor needs room a popup has not.
import { browser } from 'wxt/browser';

export async function openPersonas(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/personas.html') });
}
