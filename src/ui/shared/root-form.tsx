// The atPlatform root the wallet asks where atServers are, as a small form:
// in the popup's Settings, and on the onboarding page before an atSign is
// added by enrollment (which needs the root first).
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormAlert } from './form-alert';
import { FormStatus } from './form-status';
import { useSubmit } from './use-submit';

export function RootForm({ root, onSave }: { root: string; onSave: (root: string) => Promise<void> }) {
  const [text, setText] = useState(root);
  // A root saved elsewhere (the other page) shows here too — only when it changes, so
  // nothing typed before the first effect runs is overwritten with the same old value.
  const shown = useRef(root);
  useEffect(() => {
    if (shown.current === root) return;
    shown.current = root;
    setText(root);
  }, [root]);
  const save = useSubmit(onSave);
  return (
    <form
      class="root-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(text);
      }}
    >
      <div class="field">
        <label for="atplatform-root">Root directory</label>
        <input
          id="atplatform-root"
          class="input"
          value={text}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="atplatform-root-hint"
          aria-invalid={save.error ? 'true' : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <p class="field__hint" id="atplatform-root-hint">
          Where the wallet asks, over HTTPS, where each atSign’s atServer is. Change it only for a private atPlatform.
        </p>
      </div>
      <button type="submit" class="button button--secondary button--small" disabled={save.busy}>
        Save root
      </button>
      <FormAlert error={save.error} />
      <FormStatus>{save.busy ? 'Saving…' : ''}</FormStatus>
    </form>
  );
}
