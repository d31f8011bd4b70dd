// Onboarding and the popup's lock, clicked through as a person would.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { AtClient, parseAddress } from '@/src/atplatform';
import { tlsConnector } from '@/src/atplatform/transports/node-tls';
import { readAtKeys } from '@/src/keys';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { atKeysFixtures } from './harness/fixtures';
import { callWallet } from './harness/wallet-api';
import { OnboardingPage } from './pages/onboarding-page';

const PASSPHRASE = 'a long enough passphrase';
const ACTIVATE_FORM = 'form[aria-labelledby="activate-heading"]';
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

  it('activates a new atSign: refuses a wrong secret, shows the work, then the atSign, online, and a file that opens it', async () => {
    const { root, atServers, ca, unactivated } = inject('atPlatform');
    const { atSign, cramSecret } = unactivated[browserName];
    const onboarding = await OnboardingPage.open(wallet);
    const { page } = onboarding;
    await page.waitForRole('button', 'Activate');
    // The wallet asks the run's root where the new atSign's atServer is.
    await page.evaluate(() => void ((document.querySelector('details.atplatform-root') as HTMLDetailsElement).open = true), undefined);
    await page.fillLabel('Root directory', root);
    await page.clickRole('button', 'Save root');
    await vi.waitFor(async () => expect((await callWallet(wallet, 'wallet_getAtPlatform')).root).toBe(`https://${root}`), { timeout: 15_000 });
    const before = await onboarding.shownFingerprints();
    expect(before).toHaveLength(fixtures.length);

    // A wrong secret: the atServer's refusal in words, and nothing is added.
    await page.fillLabel('atSign', atSign, ACTIVATE_FORM);
    await page.fillLabel('Activation secret', `${cramSecret}0`, ACTIVATE_FORM);
    await page.clickRole('button', 'Activate');
    await expect
      .poll(() => page.textOf(`${ACTIVATE_FORM} [role="alert"]`), { timeout: 15_000 })
      .toBe(`${atSign}’s atServer did not accept the activation secret. Check it, or whether ${atSign} is already activated.`);
    expect(await onboarding.shownFingerprints()).toEqual(before);

    // Everything the person is shown while the keys are made, however quickly that goes.
    await page.evaluate(() => {
      const w = window as unknown as { seen: { progress: string[]; status: string[] } };
      w.seen = { progress: [], status: [] };
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress, [role="progressbar"]'))
          w.seen.progress.push(bar.getAttribute('aria-label') ?? '');
        const status = (document.querySelector('#activate-heading')?.closest('form')?.querySelector('[role="status"]') as HTMLElement | null)
          ?.innerText.trim();
        if (status) w.seen.status.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }, undefined);
    await page.fillLabel('Activation secret', cramSecret, ACTIVATE_FORM);
    await page.clickRole('button', 'Activate');
    await page.waitForRole('heading', `${atSign} is in your wallet`);
    const seen = await page.evaluate(() => (window as unknown as { seen: { progress: string[]; status: string[] } }).seen, undefined);
    expect(seen.progress).toContain(`Activating ${atSign}`);
    expect(seen.status.some((text) => text.startsWith(`Making keys for ${atSign} and activating it…`))).toBe(true);
    expect(await onboarding.pageText()).toContain('Its keys exist only in this wallet.');

    const activated = (await callWallet(wallet, 'wallet_getState')).identities.find((i) => i.atSign === atSign);
    expect(activated).toMatchObject({ source: 'activated', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const shown = await onboarding.shownFingerprints();
    expect(shown).toHaveLength(fixtures.length + 1);
    expect(shown).toContainEqual({ fingerprint: activated!.fingerprint, text: activated!.fingerprint });
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getAtPlatform')).atSigns.find((a) => a.atSign === atSign)?.status.state, {
        timeout: 20_000,
      })
      .toBe('online');

    // Its exported .atKeys file opens the atSign with PKAM, as any atPlatform app would use it.
    const file = await callWallet(wallet, 'wallet_exportAtKeys', { atSign, passphrase: PASSPHRASE });
    const keys = await readAtKeys(file.content);
    const client = await AtClient.connect(parseAddress(atServers[atSign]!), { connect: tlsConnector({ ca }) });
    try {
      await client.authenticate(atSign, { pkamPrivateKey: keys.pkamPrivateKey, enrollmentId: keys.extra.enrollmentId as string });
      // The owner reads its own public key with llookup.
      await expect(client.llookup(`public:publickey${atSign}`)).resolves.toBe(keys.encryptionPublicKey);
    } finally {
      client.close();
    }
    await onboarding.close();
  });

  it('asks for the passphrase before removing an atSign: a wrong one says so and keeps it, the right one removes it', async () => {
    const { atSign } = fixtures[0]!;
    const form = `form[aria-label="Remove ${atSign}"]`;
    const onboarding = await OnboardingPage.open(wallet);
    const { page } = onboarding;
    await page.waitForRole('button', 'Remove');
    const before = await onboarding.shownFingerprints();
    expect(before.map((s) => s.fingerprint)).toContain(fixtures[0]!.encryptionPublicKeySha256);
    // The first atSign listed is the first fixture; its row's Remove opens the confirmation.
    await page.clickRole('button', 'Remove');
    expect(await page.textOf(form)).toContain(`Remove ${atSign} from this wallet?`);
    // Imported from a file: the wallet's copy may be the only one.
    expect(await page.textOf(form)).toContain('If you have no .atKeys file for it, export one first.');

    // Everything the form says while the wallet checks, however quickly that goes.
    await page.evaluate((selector) => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      new MutationObserver(() => {
        const status = (document.querySelector(`${selector} [role="status"]`) as HTMLElement | null)?.innerText.trim();
        if (status) w.seen.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, form);

    // A wrong passphrase, sent from the keyboard: the reason in words under the field, and nothing removed.
    await page.fillLabel('Passphrase', 'not the passphrase', form);
    await page.pressOn('button', `Remove ${atSign}`, 'Enter');
    await expect.poll(() => page.textOf(`${form} [role="alert"]`), { timeout: 15_000 }).toBe('That passphrase is not right.');
    const underTheField = await page.evaluate(
      (selector) => {
        const input = document.querySelector(`${selector} input[type="password"]`)!;
        const alert = document.querySelector(`${selector} [role="alert"]`)!;
        return Boolean(input.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING);
      },
      form,
    );
    expect(underTheField).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen, undefined)).toContain(
      `Checking the passphrase and removing ${atSign}…`,
    );
    expect((await callWallet(wallet, 'wallet_getState')).identities.map((i) => i.atSign)).toContain(atSign);
    expect(await onboarding.shownFingerprints()).toEqual(before);

    // The right one removes it, from the wallet and from the page.
    await page.fillLabel('Passphrase', PASSPHRASE, form);
    await page.clickRole('button', `Remove ${atSign}`);
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_getState')).identities.map((i) => i.atSign), { timeout: 15_000 })
      .not.toContain(atSign);
    await expect.poll(() => onboarding.shownFingerprints(), { timeout: 15_000 }).toHaveLength(before.length - 1);
    expect((await onboarding.shownFingerprints()).map((s) => s.fingerprint)).not.toContain(fixtures[0]!.encryptionPublicKeySha256);
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
