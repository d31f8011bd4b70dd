// Activate a new atSign with the secret its registrar gave: the wallet makes
// its keys (two RSA-2048 pairs take several seconds, so the form says what it
// is doing meanwhile) and registers them on the atSign's atServer. An atSign
// exists only where the atPlatform knows it, so this is the one way the wallet
// makes one.
import { useRef, useState } from 'preact/hooks';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { AtSignField } from './atsign-field';
import { displayAtSign } from '../shared/words';

export function ActivateCard({ onActivate }: { onActivate: (atSign: string, secret: string) => Promise<void> }) {
  const [atSign, setAtSign] = useState('');
  const [secret, setSecret] = useState('');
  const [working, setWorking] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const { busy, error, submit } = useSubmit(onActivate);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const typed = atSign.trim();
    setWorking(displayAtSign(typed));
    // On failure, back to the field the wallet's message is about.
    if (!(await submit(typed, secret.trim()))) inputRef.current?.focus();
  };

  return (
    <form class="card choice" aria-labelledby="activate-heading" onSubmit={onSubmit}>
      <h3 id="activate-heading">Activate a new atSign</h3>
      <p class="muted">
        Got a new atSign? Enter it with the activation secret its registrar gave you. The wallet makes its keys and
        registers them on the atSign’s atServer.
      </p>
      <fieldset class="plain" disabled={busy}>
        <AtSignField id="activate-atsign" value={atSign} onChange={setAtSign} inputRef={inputRef} />
        <div class="field">
          <label for="activate-secret">Activation secret</label>
          <input
            id="activate-secret"
            class="input"
            type="password"
            value={secret}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="activate-secret-hint"
            onInput={(event) => setSecret(event.currentTarget.value)}
          />
          <p class="field__hint" id="activate-secret-hint">
            It works once: after activation only this wallet’s keys open the atSign.
          </p>
        </div>
        <FormAlert error={error} />
        <div class="actions">
          <button type="submit" class="button">
            Activate
          </button>
        </div>
      </fieldset>
      <FormStatus>
        {busy && (
          <>
            <p>Making keys for {working} and activating it…</p>
            <progress class="progress" aria-label={`Activating ${working}`} />
            <p class="muted">This takes a few seconds.</p>
          </>
        )}
      </FormStatus>
    </form>
  );
}
