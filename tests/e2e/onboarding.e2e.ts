// Onboarding and the popup's lock, clicked through as a person would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { atKeysFixtures } from './harness/fixtures';
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
