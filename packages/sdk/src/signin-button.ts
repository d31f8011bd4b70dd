// <atsign-signin-button>: "Sign in with atSign" in one tag. It finds the
// wallet, gets a nonce from the site's server, has the wallet sign — and share
// the profile fields the site names, signed with the sign-in, in the same
// window (the wallet reads them through the site's grant when that already
// covers them) — and posts the answer back. The server's
// answer decides who signed in: this element only carries messages.
//
// Nothing is defined at import (the module loads in Node, where there is no
// HTMLElement); call defineSignInButton() once in the page. Light DOM, so the
// page's own stylesheet styles it and no inline styles are needed under a
// strict CSP. Every text it shows is set with textContent.
import { discoverProviders, onProviderAnnounced } from './discover';
import { isProviderRpcError, request, type ParamsOf } from './request';
import { parseSignInMessage } from './siwa';
import type { SignInButtonElement, SignInButtonEventMap, SignInButtonFailure, SignInButtonState, SignInButtonSuccess } from './signin-button-types';
import type { ProviderDetail } from './types';

export const SIGN_IN_LABEL = 'Sign in with atSign';
const NO_WALLET_TEXT = 'No atSign wallet found';
/** Shown when the site gives no help-url: how to get the wallet, with no link to nowhere. */
export const GET_WALLET_TEXT = 'Add the atSign Wallet extension to this browser, then reload this page.';
const EXPIRES_IN_MS = 5 * 60_000;

/** A failure with what the person reads and what the site's code switches on. */
class Failure extends Error {
  constructor(
    readonly code: number | string,
    message: string,
  ) {
    super(message);
  }
}

function walletFailure(error: unknown): Failure {
  if (error instanceof Failure) return error;
  if (!isProviderRpcError(error)) return new Failure('UNEXPECTED', 'Something went wrong. Try again.');
  const messages: Record<number, string> = {
    4001: 'Sign-in cancelled',
    4100: 'Your wallet did not allow this site to ask that.',
    4200: 'Your wallet cannot sign in to sites yet.',
    4900: 'Your wallet is locked. Unlock it and try again.',
    [-32002]: 'Your wallet is already waiting for you. Check its window.',
  };
  return new Failure(error.code, messages[error.code] ?? 'Your wallet could not sign you in. Try again.');
}

/** What the person reads when the site's server refuses a sign-in for a reason they can act on. */
const REFUSALS: Record<string, string> = {
  ATSIGN_NOT_FOUND: 'The atPlatform does not know this atSign, so this site could not confirm it. Check that your atSign is activated.',
  ATSERVER_UNREACHABLE: 'Your atSign’s atServer could not be reached, so this site could not confirm your sign-in. Try again later.',
  KEY_MISMATCH: 'Your wallet’s keys for this atSign are not the ones its atServer publishes, so this site did not sign you in.',
  PROFILE_MISMATCH: 'The details your wallet shared were changed on the way, so this site did not sign you in. Try again.',
};

/** A request to the site's own server; a network failure is NETWORK. */
function fromSite(url: string, init: RequestInit): Promise<Response> {
  return fetch(url, { credentials: 'same-origin', ...init }).catch(() => {
    throw new Failure('NETWORK', 'Could not reach this site. Try again.');
  });
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

const fieldsOf = (value: string | null): string[] => (value ?? '').split(/\s+/).filter(Boolean);

/**
 * A link only to http(s) pages: the attribute is markup, but a javascript: URL
 * there would still run. Null when there is no such page to link to.
 */
function safeHref(value: string | null, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function createClass(): new () => SignInButtonElement {
  return class AtSignSignInButton extends HTMLElement implements SignInButtonElement {
    static readonly observedAttributes = ['help-url'];

    private readonly button = document.createElement('button');
    private readonly status = document.createElement('span');
    /** With a help-url, "How to get one" links there; without, a sentence says how. */
    private readonly helpLink = document.createElement('a');
    private readonly helpText = document.createElement('span');
    private help: HTMLElement = this.helpText;
    private current: ProviderDetail | null = null;
    private stopListening: (() => void) | null = null;

    constructor() {
      super();
      this.button.type = 'button';
      this.button.className = 'atsign-signin-button';
      this.button.textContent = SIGN_IN_LABEL;
      this.button.addEventListener('click', () => void this.signIn());
      this.status.className = 'atsign-signin-status';
      this.status.setAttribute('role', 'status');
      this.helpLink.className = 'atsign-signin-help';
      this.helpLink.textContent = 'How to get one';
      this.helpText.className = 'atsign-signin-hint';
      this.helpText.textContent = GET_WALLET_TEXT;
    }

    get state(): SignInButtonState {
      return (this.getAttribute('state') as SignInButtonState | null) ?? 'ready';
    }

    get wallet(): ProviderDetail | null {
      return this.current;
    }

    connectedCallback(): void {
      if (!this.button.isConnected) this.replaceChildren(this.button, ' ', this.status, ' ', this.help);
      this.attributeChangedCallback();
      if (!this.hasAttribute('state')) this.show('ready', '');
      this.stopListening?.();
      // A wallet that loads late still announces itself: take the first one.
      this.stopListening = onProviderAnnounced((detail) => {
        this.current ??= detail;
        if (this.state === 'no-wallet') this.show('ready', '');
      });
      void discoverProviders().then(() => {
        if (!this.current && this.state === 'ready') this.show('no-wallet', NO_WALLET_TEXT);
      });
    }

    disconnectedCallback(): void {
      this.stopListening?.();
      this.stopListening = null;
    }

    attributeChangedCallback(): void {
      const href = safeHref(this.getAttribute('help-url'), document.baseURI);
      if (href) this.helpLink.href = href;
      const next = href ? this.helpLink : this.helpText;
      if (next === this.help) return;
      next.hidden = this.help.hidden;
      this.help.replaceWith(next);
      this.help = next;
    }

    reset(): void {
      this.show(this.current ? 'ready' : 'no-wallet', this.current ? '' : NO_WALLET_TEXT);
    }

    async signIn(): Promise<void> {
      if (this.state === 'waiting') return;
      this.show('waiting', 'Check your wallet…');
      try {
        const success = await this.run();
        this.show('signed-in', `Signed in as ${success.atSign}`);
        this.emit('atsign-signin', success);
      } catch (error) {
        const failure = walletFailure(error);
        if (failure.code === 'NO_WALLET') this.show('no-wallet', failure.message);
        else if (failure.code === 4001) this.show('ready', failure.message);
        else this.show('error', failure.message);
        this.emit('atsign-error', { code: failure.code, message: failure.message } satisfies SignInButtonFailure);
      }
    }

    private async run(): Promise<SignInButtonSuccess> {
      this.current ??= (await discoverProviders())[0] ?? null;
      const wallet = this.current;
      if (!wallet) throw new Failure('NO_WALLET', NO_WALLET_TEXT);
      const { provider } = wallet;

      const fields = fieldsOf(this.getAttribute('fields'));
      const params: ParamsOf<'atsign_signIn'> = {
        nonce: await this.fetchNonce(),
        expirationTime: new Date(Date.now() + EXPIRES_IN_MS).toISOString(),
      };
      const statement = this.getAttribute('statement');
      if (statement) params.statement = statement;
      // One request, so one window: the message and, when the site's grant
      // does not cover them, the fields to share.
      const response = await request(provider, 'atsign_signIn', fields.length ? { ...params, fields } : params);
      // The persona and grant are the page's business; the server gets what was signed.
      const { persona: _persona, grant: _grant, ...signedAnswer } = response;
      const profile = signedAnswer.profile ?? {};
      const signed = parseSignInMessage(signedAnswer.message).atSign;

      const server = await this.verify({ response: signedAnswer });
      const claimed = (server as { atSign?: unknown } | null)?.atSign;
      return { atSign: typeof claimed === 'string' ? claimed : signed, profile, server };
    }

    private async fetchNonce(): Promise<string> {
      const failed = new Failure('NONCE_FAILED', 'This site could not start a sign-in. Try again.');
      const url = this.getAttribute('nonce-url');
      if (!url) throw failed;
      const answer = await fromSite(url, { headers: { Accept: 'application/json' } });
      const nonce = answer.ok ? ((await readJson(answer)) as { nonce?: unknown } | null)?.nonce : undefined;
      if (typeof nonce !== 'string') throw failed;
      return nonce;
    }

    private async verify(body: { response: unknown }): Promise<unknown> {
      const url = this.getAttribute('verify-url');
      if (!url) throw new Failure('VERIFY_FAILED', 'This site could not check your sign-in.');
      const answer = await fromSite(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const json = await readJson(answer);
      if (answer.ok) return json;
      const reason = (json as { error?: unknown } | null)?.error;
      const code = typeof reason === 'string' && /^[A-Za-z_]{1,40}$/.test(reason) ? reason : 'VERIFY_FAILED';
      throw new Failure(code, Object.hasOwn(REFUSALS, code) ? REFUSALS[code]! : 'This site could not verify your sign-in. Try again.');
    }

    private show(state: SignInButtonState, text: string): void {
      this.setAttribute('state', state);
      this.status.textContent = text;
      this.help.hidden = state !== 'no-wallet';
      this.button.hidden = state === 'signed-in';
      // aria-disabled, not disabled: the button keeps keyboard focus while the wallet is open.
      const busy = state === 'waiting';
      if (busy) this.setAttribute('aria-busy', 'true');
      else this.removeAttribute('aria-busy');
      this.button.setAttribute('aria-disabled', String(busy));
    }

    private emit<K extends 'atsign-signin' | 'atsign-error'>(
      type: K,
      detail: SignInButtonEventMap[K] extends CustomEvent<infer D> ? D : never,
    ): void {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }
  };
}

/**
 * Registers the element under `tagName` (once; later calls return the class
 * already registered) and returns its class. Call it in the browser only.
 */
export function defineSignInButton(tagName = 'atsign-signin-button'): new () => SignInButtonElement {
  const existing = customElements.get(tagName);
  if (existing) return existing as new () => SignInButtonElement;
  const element = createClass();
  customElements.define(tagName, element);
  return element;
}
