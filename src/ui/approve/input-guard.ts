// A click or key press only answers once the person has seen the window: its
// answers stay inert until it has been visible and focused for a moment, and
// again after it loses either. A site cannot then make the window open under
// a click or key press meant for the site ("double-clickjacking"): browsers'
// own permission prompts ignore input for a moment after they appear for the
// same reason. Pure: the hook feeds it what the page says and the time.

/** Browsers wait about half a second to a second; this is in between. */
export const INPUT_DELAY_MS = 700;

/**
 * The delay the window uses. The e2e build (never shipped) stretches it, so a
 * test's "click at once" lands inside it however slow the test machine is.
 */
export const WINDOW_INPUT_DELAY_MS = import.meta.env.MODE === 'e2e' ? 3_000 : INPUT_DELAY_MS;

export interface Attention {
  /** document.visibilityState === 'visible' */
  visible: boolean;
  /** document.hasFocus() */
  focused: boolean;
}

/** Since when the window has been seen without a break; null while it is not. */
export type GuardState = { seenSince: number | null };

export const UNSEEN: GuardState = { seenSince: null };

/** The state after the window's attention is `attention` at `now`. */
export function observe(state: GuardState, attention: Attention, now: number): GuardState {
  if (!attention.visible || !attention.focused) return UNSEEN;
  return state.seenSince === null ? { seenSince: now } : state;
}

/** Milliseconds until answers count: 0 when they do, null while the window is not seen (never, until it is). */
export function untilReady(state: GuardState, now: number, delayMs = INPUT_DELAY_MS): number | null {
  if (state.seenSince === null) return null;
  return Math.max(0, state.seenSince + delayMs - now);
}
