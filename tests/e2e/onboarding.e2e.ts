// Onboarding and the popup's lock, clicked through as a person would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { atKeysFixtures } from './harness/fixtures';
import { callWallet } from './harness/wallet-api';
import { OnboardingPage } from './pages/onboarding-page';

const PASSPHRASE = 'a long enough passphrase';
const fixtures = atKeysFixtures();

describe.each(browserNames)('%s: onboarding', (browserName) => {
  let wallet: WalletBrowser;

  beforeAll(async () => {
    wallet = await launchWallet(browserName);
  });
  afterAll(async () => {
    await wallet?.close();
  });

  it('opens itself in a tab when the wallet is installed, asking first for a passphrase', async () => {
    const opened = await wallet.waitForExtensionPage('/onboarding.html');
    await opened.waitForRole('button', 'Set passphrase');
    await opened.close();
  });

  it('refuses a short or mismatched passphrase, then imports every fixture with its fingerprint', async () => {
    const onboarding = await OnboardingPage.open(wallet);
    await onboarding.setPassphrase('short', 'short');
    expect(await onboarding.pageText()).toMatch(/Use at least 10 characters/);
    await onboarding.setPassphrase(PASSPHRASE, `${PASSPHRASE}!`);
    expect(await onboarding.pageText()).toMatch(/The two passphrases are not the same/);
    await onboarding.setPassphrase(PASSPHRASE);

    for (const [i, f] of fixtures.entries()) {
      if (i > 0) await onboarding.addAnother();
      await onboarding.importFile(f.path);
      await onboarding.page.waitForRole('heading', `${f.atSign} is in your wallet`);
    }
    const shown = await onboarding.shownFingerprints();
    expect(shown.map((s) => s.fingerprint)).toEqual(fixtures.map((f) => f.encryptionPublicKeySha256));
    // What the person reads is the same hex, grouped for the eye.
    expect(shown.map((s) => s.text)).toEqual(fixtures.map((f) => f.encryptionPublicKeySha256));
    await onboarding.close();
  });

  it('names the problem with a broken file and adds nothing', async () => {
    const onboarding = await OnboardingPage.open(wallet);
    await onboarding.page.waitForRole('button', 'Import');
    await onboarding.importFile(new URL('./site/public/site.js', import.meta.url).pathname);
    expect(await onboarding.alertText()).toMatch(/JSON/);
    expect(await onboarding.shownFingerprints()).toHaveLength(fixtures.length);
    await onboarding.close();
  });

  it('creates an atSign: refuses a name that breaks the rules, shows the work, then the atSign and its fingerprint', async () => {
    const onboarding = await OnboardingPage.open(wallet);
    const { page } = onboarding;
    await page.waitForRole('button', 'Create');
    const before = await onboarding.shownFingerprints();
    expect(before).toHaveLength(fixtures.length);

    // A name that breaks the rules: the rules' words, and nothing is made.
    await page.fillLabel('atSign', 'new friend!');
    await page.clickRole('button', 'Create');
    expect(await onboarding.alertText()).toBe(
      'An atSign cannot contain "!". An atSign cannot contain spaces or other whitespace.',
    );
    expect(await onboarding.shownFingerprints()).toEqual(before);
    expect((await callWallet(wallet, 'wallet_getState')).identities).toHaveLength(fixtures.length);

    // Everything the person is shown while the keys are made, however quickly that goes.
    await page.evaluate(() => {
      const w = window as unknown as { seen: { progress: string[]; status: string[] } };
      w.seen = { progress: [], status: [] };
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress, [role="progressbar"]'))
          w.seen.progress.push(bar.getAttribute('aria-label') ?? '');
        const status = (document.querySelector('#create-heading')?.closest('form')?.querySelector('[role="status"]') as HTMLElement | null)
          ?.innerText.trim();
        if (status) w.seen.status.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }, undefined);
    await page.fillLabel('atSign', 'NewFriend');
    await page.clickRole('button', 'Create');
    await page.waitForRole('heading', '@newfriend is in your wallet');
    const seen = await page.evaluate(() => (window as unknown as { seen: { progress: string[]; status: string[] } }).seen, undefined);
    expect(seen.progress).toContain('Generating keys for @NewFriend');
    expect(seen.status.some((text) => text.startsWith('Generating keys for @NewFriend…'))).toBe(true);
    expect(await onboarding.pageText()).toContain('Its keys were created and are encrypted with your passphrase.');

    const created = (await callWallet(wallet, 'wallet_getState')).identities.find((i) => i.atSign === '@newfriend');
    expect(created).toMatchObject({ source: 'created', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const shown = await onboarding.shownFingerprints();
    expect(shown).toHaveLength(fixtures.length + 1);
    expect(shown).toContainEqual({ fingerprint: created!.fingerprint, text: created!.fingerprint });
    await onboarding.close();
  });

  it('locks and unlocks from the popup, with a clear word for a wrong passphrase', async () => {
    const popup = await wallet.openExtensionPage('/popup.html');
    await popup.clickRole('button', 'Lock');
    await popup.fillLabel('Passphrase', 'not the passphrase');
    await popup.clickRole('button', 'Unlock');
    expect(await popup.textOf('[role="alert"]:not(:empty)')).toMatch(/not right/);
    await popup.fillLabel('Passphrase', PASSPHRASE);
    await popup.clickRole('button', 'Unlock');
    await popup.waitForRole('button', 'Lock');
    await popup.close();
  });
});
