// The approval window the wallet opens when a site asks, driven by its labels.
import type { E2EPage, WalletBrowser } from '../harness';

export class ApprovalPage {
  private constructor(readonly page: E2EPage) {}

  static async waitFor(wallet: WalletBrowser): Promise<ApprovalPage> {
    const page = await wallet.waitForExtensionPage('/approve.html');
    await page.waitForRole('button', 'Reject');
    return new ApprovalPage(page);
  }

  text() {
    return this.page.evaluate(() => document.body.innerText, undefined);
  }

  async choose(options: { persona?: string; fields?: Record<string, boolean>; duration?: string }) {
    if (options.persona) await this.page.selectLabel('Persona', options.persona);
    for (const [label, on] of Object.entries(options.fields ?? {})) await this.page.checkLabel(label, on);
    if (options.duration) await this.page.checkLabel(options.duration, true);
  }

  keepSignedIn() {
    return this.page.checkLabel('Keep me signed in on this site', true);
  }

  /** The message shown for signing, exactly as displayed. */
  message() {
    return this.page.evaluate(() => document.querySelector('pre')?.textContent ?? '', undefined);
  }

  approve() {
    return this.page.clickRole('button', 'Approve');
  }

  reject() {
    return this.page.clickRole('button', 'Reject');
  }

  async unlock(passphrase: string) {
    await this.page.fillLabel('Passphrase', passphrase);
    await this.page.clickRole('button', 'Unlock');
    await this.page.waitForRole('button', 'Approve');
  }

  close() {
    return this.page.close();
  }
}
