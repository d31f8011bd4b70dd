// The small surface the end-to-end tests use, the same for both browsers, so
// each test is written once and runs in Chromium (Playwright) and Firefox
// (puppeteer-core over WebDriver BiDi).

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** the shipped build (default) or the e2e build, whose clock tests can move */
  build?: 'shipped' | 'e2e';
  /** the unpacked wallet to load, instead of the build's: a folder (`npm start` prints one for each browser) */
  extensionDir?: string;
  /** more unpacked extensions to load beside the wallet (the benchmarks' echo) */
  extraExtensions?: string[];
  /** an existing profile folder (a browser restart) */
  profile?: string;
  /**
   * A certificate authority (PEM) the browser trusts besides its own: the
   * run's local atPlatform's unless told; null for none.
   */
  trustCa?: string | null;
  /** host names the browser resolves to this computer (127.0.0.1), for sites that need a name rather than an address */
  hostNames?: string[];
}

/** Code run in a page: it must be self-contained (it is serialised). */
export type PageFn<A, R> = (arg: A) => R | Promise<R>;

export interface E2EPage {
  url(): string;
  goto(url: string): Promise<void>;
  evaluate<A, R>(fn: PageFn<A, R>, arg: A): Promise<R>;
  /** Runs `fn` in the first child frame whose URL starts with `urlPrefix`. */
  evaluateInFrame<A, R>(urlPrefix: string, fn: PageFn<A, R>, arg: A): Promise<R>;
  /** Waits until an element with this ARIA role and accessible name is shown. */
  waitForRole(role: string, name: string): Promise<void>;
  clickRole(role: string, name: string): Promise<void>;
  /** Clicks it at once, not waiting for it to be enabled: a click meant for something else. */
  clickRoleNow(role: string, name: string): Promise<void>;
  /** Brings the page's window to the front and focuses it, as a person clicking into it would. */
  bringToFront(): Promise<void>;
  /** Focuses the element with this role and name and presses a key on it (e.g. 'Enter'), at once. */
  pressOn(role: string, name: string, key: string): Promise<void>;
  /** Clicks a button that starts a download and resolves with the file's text; null where the driver cannot. */
  downloadFrom(role: string, name: string): Promise<string | null>;
  /** Types into the field with this label (inside the element `within` selects, when given). */
  fillLabel(label: string, value: string, within?: string): Promise<void>;
  /** Chooses the option with this text in the <select> with this label. */
  selectLabel(label: string, optionText: string): Promise<void>;
  /** Ticks or unticks the checkbox or radio button with this label. */
  checkLabel(label: string, checked: boolean): Promise<void>;
  /** Chooses a file in the file input with this label, as a person would in the picker. */
  setFileLabel(label: string, path: string): Promise<void>;
  /** The visible text of the first element matching a CSS selector (waits for it). */
  textOf(selector: string): Promise<string>;
  close(): Promise<void>;
  /** Whether the page (or the window it was in) is gone. */
  isClosed(): Promise<boolean>;
}

export interface WalletBrowser {
  readonly name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>, without a trailing slash. */
  readonly extensionOrigin: string;
  newPage(url: string): Promise<E2EPage>;
  /** Opens one of the extension's own pages, e.g. "/popup.html". */
  openExtensionPage(path: string): Promise<E2EPage>;
  /** Waits for a page of the extension at this path to open by itself (an approval window). */
  waitForExtensionPage(path: string): Promise<E2EPage>;
  /** How many open pages are at this extension path. */
  countExtensionPages(path: string): Promise<number>;
  /**
   * Stops the background as the browser does when it is idle (Chromium's
   * service worker, Firefox's event page); the next event starts it again.
   */
  readonly restartBackground: () => Promise<void>;
  /** Quits the browser and starts it again on the same profile; the new browser replaces this one. */
  readonly restartBrowser: (() => Promise<WalletBrowser>) | null;
  close(): Promise<void>;
}
