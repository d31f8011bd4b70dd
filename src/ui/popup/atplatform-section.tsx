// The atPlatform part of Settings: the root the wallet asks, and for each
// atSign how its connection stands, with a way to give its atServer's address
// by hand (atSign apps show it) and to try again now, and how its personas'
// sync stands (last synced, changes waiting). Renders what it is given.
import { useState } from 'preact/hooks';
import type { AtPlatformView } from '../../shared/methods/atplatform';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import type { Loadable } from '../shared/use-call';
import { RootForm } from '../shared/root-form';
import { describeAtServerStatus, describePersonaSync } from './atserver-words';
import type { AtPlatformActions } from './use-atplatform';

interface Props {
  view: Loadable<AtPlatformView>;
  activeAtSign: string | null;
  now: number;
  actions: AtPlatformActions;
}

export function AtPlatformSection({ view, activeAtSign, now, actions }: Props) {
  if (view.status === 'loading') return <p class="status" role="status">Loading the atPlatform settings…</p>;
  if (view.status === 'error') return <p class="status status--error">The atPlatform settings could not be read: {view.message}</p>;
  return (
    <>
      <h3 id="settings-atsigns">atSigns in this wallet</h3>
      <ul class="settings-atsigns" aria-labelledby="settings-atsigns">
        {view.value.atSigns.map((entry) => (
          <AtSignConnection key={entry.atSign} entry={entry} active={entry.atSign === activeAtSign} now={now} actions={actions} />
        ))}
      </ul>
      <RootForm root={view.value.root} onSave={actions.setRoot} />
    </>
  );
}

interface ConnectionProps {
  entry: AtPlatformView['atSigns'][number];
  active: boolean;
  now: number;
  actions: AtPlatformActions;
}

function AtSignConnection({ entry, active, now, actions }: ConnectionProps) {
  const words = describeAtServerStatus(entry.status, now);
  const retry = useSubmit(() => actions.reconnect(entry.atSign));
  const canRetry = entry.status.state === 'offline';
  return (
    <li class="atsign-connection" aria-label={entry.atSign}>
      <div class="atsign-connection__head">
        <span>
          <span class="settings-atsigns__name">{entry.atSign}</span>
          {active && <span class="settings-atsigns__active"> (active)</span>}
        </span>
        <span class={`badge badge--${words.tone}`} data-testid="atserver-state">
          {words.label}
        </span>
      </div>
      <p class="note atsign-connection__detail">{words.detail}</p>
      <p class="note atsign-connection__sync" data-testid="persona-sync">
        {describePersonaSync(entry.personas, now)}
      </p>
      {canRetry && (
        <button type="button" class="button button--secondary button--small" disabled={retry.busy} onClick={() => void retry.submit()}>
          Try now
        </button>
      )}
      <FormAlert error={retry.error} />
      <AddressForm atSign={entry.atSign} address={entry.address} onSave={actions.setAddress} />
    </li>
  );
}

function AddressForm({
  atSign,
  address,
  onSave,
}: {
  atSign: string;
  address: string | null;
  onSave: (atSign: string, address: string | null) => Promise<void>;
}) {
  const [text, setText] = useState(address ?? '');
  const save = useSubmit((next: string | null) => onSave(atSign, next));
  const id = `atserver-address-${encodeURIComponent(atSign).replace(/%/g, '')}`;
  return (
    <details class="atsign-connection__address" open={address !== null}>
      <summary>atServer address</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save.submit(text.trim() === '' ? null : text);
        }}
      >
        <div class="field">
          <label for={id}>atServer address for {atSign}</label>
          <input
            id={id}
            class="input"
            value={text}
            placeholder="host:port"
            autocomplete="off"
            spellcheck={false}
            aria-describedby={`${id}-hint`}
            aria-invalid={save.error ? 'true' : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <p class="field__hint" id={`${id}-hint`}>
            Leave it empty to ask the root. Apps that manage {atSign} show its address.
          </p>
        </div>
        <button type="submit" class="button button--secondary button--small" disabled={save.busy}>
          Save address
        </button>
        <FormAlert error={save.error} />
        <FormStatus>{save.busy ? 'Saving…' : ''}</FormStatus>
      </form>
    </details>
  );
}
