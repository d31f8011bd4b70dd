// Whether the approval window's answers count yet (input-guard.ts): follows
// the page's visibility and focus, and wakes once the delay has passed.
import { useEffect, useState } from 'preact/hooks';
import { observe, UNSEEN, untilReady, WINDOW_INPUT_DELAY_MS, type GuardState } from './input-guard';

const attention = () => ({ visible: document.visibilityState === 'visible', focused: document.hasFocus() });

export function useInputGuard(delayMs = WINDOW_INPUT_DELAY_MS): boolean {
  const [state, setState] = useState<GuardState>(() => observe(UNSEEN, attention(), performance.now()));
  const [, wake] = useState(0);

  useEffect(() => {
    const update = () => setState((current) => observe(current, attention(), performance.now()));
    document.addEventListener('visibilitychange', update);
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    return () => {
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
    };
  }, []);

  const wait = untilReady(state, performance.now(), delayMs);
  useEffect(() => {
    if (wait === null || wait === 0) return;
    const timer = setTimeout(() => wake((n) => n + 1), wait + 10);
    return () => clearTimeout(timer);
  }, [state, wait]);

  return wait === 0;
}
