// A polite live region for "working on it" messages. Always rendered, so the
// change of text is what gets announced.
import type { ComponentChildren } from 'preact';

export function FormStatus({ children }: { children?: ComponentChildren }) {
  return (
    <div role="status" aria-live="polite" class="form-status">
      {children}
    </div>
  );
}
