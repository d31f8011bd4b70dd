// What a page sees of <atsign-signin-button>: its states, its events and their
// details, and the element's own methods. The behaviour is in signin-button.ts.
import type { ProviderDetail } from './types';

export type SignInButtonState = 'no-wallet' | 'ready' | 'waiting' | 'signed-in' | 'error';

/** `detail` of the 'atsign-signin' event. */
export interface SignInButtonSuccess {
  atSign: string;
  /**
   * The `fields` the person shares, as atsign_connect returned them or, when
   * the site's grant already covered them, as atsign_readProfile read them
   * ({} when the element asks for none). A field with no value is left out.
   */
  profile: Record<string, string>;
  /** The verify-url's JSON answer, as parsed. */
  server: unknown;
}

/**
 * `detail` of the 'atsign-error' event: a wallet error keeps its numeric code
 * (4001 = the person cancelled); the rest are NO_WALLET, NONCE_FAILED,
 * NETWORK (the site's server could not be reached), UNEXPECTED, or the
 * `error` string the verify-url answered with (else VERIFY_FAILED).
 */
export interface SignInButtonFailure {
  code: number | string;
  message: string;
}

/** The element's own events, with their `detail`s. Both bubble. */
export interface SignInButtonEventMap extends HTMLElementEventMap {
  'atsign-signin': CustomEvent<SignInButtonSuccess>;
  'atsign-error': CustomEvent<SignInButtonFailure>;
}

export interface SignInButtonElement extends HTMLElement {
  readonly state: SignInButtonState;
  /** The wallet the element talks to, once one has announced itself. */
  readonly wallet: ProviderDetail | null;
  /** What a click does. Resolves when the attempt is over, either way. */
  signIn(): Promise<void>;
  /** Back to the button, e.g. after the site signed the person out. */
  reset(): void;
  addEventListener<K extends keyof SignInButtonEventMap>(
    type: K,
    listener: (this: SignInButtonElement, event: SignInButtonEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SignInButtonEventMap>(
    type: K,
    listener: (this: SignInButtonElement, event: SignInButtonEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    /** Registered by defineSignInButton() under its default name. */
    'atsign-signin-button': SignInButtonElement;
  }
}
