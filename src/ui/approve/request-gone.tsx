// What the window shows when its request is no longer waiting: answered in
// another window, the site's tab closed, or the browser restarted.
import { useFocusOnMount } from '../shared/use-focus-on-mount';
import { useEscape } from './use-escape';

export function RequestGone() {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  useEscape(() => window.close());
  return (
    <main class="request-gone" aria-labelledby="gone-heading">
      <h1 id="gone-heading" ref={ref} tabIndex={-1}>
        Nothing to answer
      </h1>
      <p>This request is no longer waiting. You can close this window.</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => window.close()}>
          Close
        </button>
      </div>
    </main>
  );
}
