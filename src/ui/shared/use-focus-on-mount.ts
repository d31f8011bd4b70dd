// Moves keyboard focus to an element when it appears, so a person who opened
// an inline form (or finished a step) is already where they need to be.
import { useEffect, useRef } from 'preact/hooks';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
