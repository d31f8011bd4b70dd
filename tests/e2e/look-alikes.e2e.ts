// Look-alikes of a site the person trusts, in real browsers: once the person
// has shared with example.test, a request from examp1e.test (a digit one for
// the letter l) or exmaple.test (two letters swapped) shows, on screen, a
// warning naming example.test; an unrelated site shows none. The names are
// resolved to this computer by the browser (LaunchOptions.hostNames).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

const NAMES = ['example.test', 'examp1e.test', 'exmaple.test', 'unrelated.test'];
const WARNING = '.warning--look-alike';

describe.each(browserNames)('%s: look-alikes of a trusted site', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;
  const at = (name: string) => `http://${name}:${new URL(site.origin).port}/`;

  /** Asks to connect from `name`; the warning the window shows (null for none), then says no. */
  async function warningFor(name: string): Promise<string | null> {
    const page = await SitePage.open(wallet, at(name));
    await page.start('connect', 'atsign_connect', { fields: ['name'] });
    const approval = await ApprovalPage.waitFor(wallet);
    // The answers wake only once the grants were read and any warning is on screen.
    await approval.awake();
    const shown = await approval.page.evaluate((selector) => {
      const warning = document.querySelector<HTMLElement>(selector);
      return warning ? warning.innerText : null;
    }, WARNING);
    await approval.reject();
    expect((await page.settle('connect')).error?.code).toBe(4001);
    await page.page.close();
    return shown;
  }

  beforeAll(async () => {
    site = await startTestSite();
    wallet = await launchWallet(browserName, { hostNames: NAMES });
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Work', { name: 'Barbara Jones' });
  });
  afterAll(async () => {
    await wallet?.close();
    await site?.close();
  });

  it('warns on screen, naming the trusted site, when a look-alike asks; not for an unrelated site', async () => {
    const trusted = await SitePage.open(wallet, at('example.test'));
    await trusted.start('connect', 'atsign_connect', { fields: ['name'] });
    const first = await ApprovalPage.waitFor(wallet);
    expect(await first.text()).not.toContain('a site you have shared with');
    await first.choose({ persona: 'Work', duration: 'Until I revoke' });
    await first.approve();
    expect((await trusted.settle('connect')).result).toMatchObject({ grant: { origin: at('example.test').slice(0, -1) } });

    const digit = await warningFor('examp1e.test');
    expect(digit).toContain('is written with characters that look like example.test, a site you have shared with');
    expect(digit).toContain('examp1e.test');
    expect(await warningFor('exmaple.test')).toContain('is spelled almost like example.test');
    expect(await warningFor('unrelated.test')).toBeNull();
  });
});
