// The approval window the wallet opens when a site asks, driven by its labels.
import type { E2EPage, WalletBrowser } from '../harness';

export class ApprovalPage {
  private constructor(readonly page: E2EPage) {}

  /**
   * The approval window that is open now. Right after one closes, the next may
   * briefly be found as the closing one; that one fails, and the search goes on.
   */
  static async waitFor(wallet: WalletBrowser): Promise<ApprovalPage> {
    for (let attempt = 1; ; attempt++) {
      const page = await wallet.waitForExtensionPage('/approve.html');
      try {
        await page.waitForRole('button', 'Reject');
        return new ApprovalPage(page);
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
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

  /** The wallet closes its window once the person has answered. */
  closed() {
    return this.page.isClosed();
  }
}
