// The onboarding tab, driven by its labels and buttons as a person would.
import type { E2EPage, WalletBrowser } from '../harness';

export class OnboardingPage {
  private constructor(readonly page: E2EPage) {}

  static async open(wallet: WalletBrowser): Promise<OnboardingPage> {
    return new OnboardingPage(await wallet.openExtensionPage('/onboarding.html'));
  }

  async setPassphrase(passphrase: string, confirm = passphrase) {
    await this.page.fillLabel('Passphrase', passphrase);
    await this.page.fillLabel('Confirm passphrase', confirm);
    await this.page.clickRole('button', 'Set passphrase');
  }

  async importFile(path: string) {
    await this.page.waitForRole('button', 'Import');
    await this.page.setFileLabel('Your .atKeys file', path);
    await this.page.clickRole('button', 'Import');
  }

  async addAnother() {
    await this.page.clickRole('button', 'Add another');
  }

  /** The fingerprints shown for each atSign under "Your atSigns", as the full hex behind the grouped text. */
  shownFingerprints() {
    return this.page.evaluate(
      () =>
        Array.from(document.querySelectorAll('[data-fingerprint]'), (el) => ({
          fingerprint: el.getAttribute('data-fingerprint'),
          text: (el as HTMLElement).innerText.replace(/\s+/g, ''),
        })),
      undefined,
    );
  }

  pageText() {
    return this.page.evaluate(() => document.body.innerText, undefined);
  }

  alertText() {
    return this.page.textOf('[role="alert"]:not(:empty)');
  }

  close() {
    return this.page.close();
  }
}
