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
    return this.answer('Approve');
  }

  reject() {
    return this.answer('Reject');
  }

  /** No, and the site may not ask again today. */
  rejectForToday() {
    return this.answer('Don’t ask again today');
  }

  /**
   * Clicks an answer and gives the wallet a moment to close the window, so the
   * next waitFor cannot find this one while it closes. The window may close
   * while the click is still being confirmed: that is the answer arriving, not
   * a failure. A window that stays open (a refusal shown in it) is left to the
   * test to read.
   */
  private async answer(name: string) {
    await this.awake();
    try {
      await this.page.clickRole('button', name);
    } catch (error) {
      if (!(await this.page.isClosed())) throw error;
    }
    for (let waited = 0; waited < 5_000 && !(await this.page.isClosed()); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Whether the window's answers count yet (it has been in front of the person for a moment). */
  isAwake() {
    return this.page.evaluate(() => document.querySelector('.answer-bar--waiting') === null, undefined);
  }

  /**
   * Waits until the answers count, as a person reading the window would. A
   * window the browser opened behind another (it happens with several windows
   * about) is brought to the front first, as the person would click into it.
   */
  async awake() {
    if (!(await this.isAwake())) await this.page.bringToFront();
    for (let waited = 0; !(await this.isAwake()); waited += 50) {
      if (waited > 10_000) throw new Error('The approval window’s buttons stayed asleep: was the window never focused?');
      if (waited % 2_000 === 1_000) await this.page.bringToFront();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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
