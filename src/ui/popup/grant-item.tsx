// One site's grant, as a row in the Sites list: what it sees and until when,
// and the controls to narrow it or end it. Renders what it is given; the row
// keeps only how its last change went.
import type { SiteAccess } from '../../shared/grant';
import type { Persona } from '../../shared/persona';
import { FormAlert } from '../shared/form-alert';
import { describeOrigin, originWarnings } from '../shared/origin-display';
import type { Loadable } from '../shared/use-call';
import { useSubmit } from '../shared/use-submit';
import { describeExpiry, fieldLabel, formatTime } from './format';
import { GrantExpiry } from './grant-expiry';
import { GrantFields } from './grant-fields';
import { GrantPersona } from './grant-persona';
import type { GrantDuration } from './use-sites';

export interface GrantHandlers {
  onRevoke: () => Promise<void>;
  onRemoveField: (field: string) => Promise<void>;
  onPersona: (personaId: string) => Promise<void>;
  onDuration: (duration: GrantDuration) => Promise<void>;
}

interface Props extends GrantHandlers {
  grant: SiteAccess;
  now: number;
  /** the personas of the grant's atSign */
  personas: Loadable<Persona[]>;
}

type Change = () => Promise<void>;

export function GrantItem({ grant, now, personas, onRevoke, onRemoveField, onPersona, onDuration }: Props) {
  const { busy, error, submit } = useSubmit((change: Change) => change());
  const run = (change: Change) => void submit(change);
  const expiry = describeExpiry(grant.expiresAt, now);
  const warnings = originWarnings(grant.origin);
  // A punycode name is shown as the browser has it; how it reads on screen is said beside it.
  const { host, asciiHost } = describeOrigin(grant.origin);
  const persona = personas.status === 'ready' ? personas.value.find((p) => p.id === grant.personaId) : undefined;
  const fields = grant.fields.map((name) => ({ name, label: fieldLabel(name, persona?.labels) }));
  const id = `grant-${grant.id}`;
  return (
    <li class={expiry.expired ? 'grant grant--expired' : 'grant'}>
      <article aria-labelledby={id} aria-busy={busy}>
        <div class="grant__top">
          <h3 id={id} class="grant__origin" tabIndex={-1} data-origin={grant.origin}>
            {grant.origin}
          </h3>
          <button
            type="button"
            class="button button--small button--revoke"
            aria-label={`Revoke ${grant.origin}`}
            onClick={() => run(onRevoke)}
          >
            Revoke
          </button>
        </div>
        {warnings.map((warning) => (
          <p class="grant__warning" key={warning}>
            {warning}
          </p>
        ))}
        {asciiHost && <p class="grant__reads-as">Reads as “{host}”</p>}
        <dl class="grant__facts">
          <dt>atSign</dt>
          <dd>{grant.atSign}</dd>
          <dt>Persona</dt>
          <dd>
            <GrantPersona
              id={`${id}-persona`}
              origin={grant.origin}
              personaId={grant.personaId}
              personas={personas}
              onChoose={(personaId) => run(() => onPersona(personaId))}
            />
          </dd>
          <dt>Can see</dt>
          <dd>
            <GrantFields origin={grant.origin} fields={fields} onRemove={(field) => run(() => onRemoveField(field))} />
          </dd>
          <dt>Granted</dt>
          <dd>
            <time dateTime={new Date(grant.grantedAt).toISOString()}>{formatTime(grant.grantedAt)}</time>
          </dd>
          <dt>Last used</dt>
          <dd>
            {grant.lastUsedAt === null ? (
              'not yet'
            ) : (
              <time dateTime={new Date(grant.lastUsedAt).toISOString()}>{formatTime(grant.lastUsedAt)}</time>
            )}
          </dd>
          <dt>Access</dt>
          <dd>
            <GrantExpiry
              id={`${id}-access`}
              origin={grant.origin}
              text={expiry.text}
              expired={expiry.expired}
              onChoose={(duration) => run(() => onDuration(duration))}
            />
          </dd>
        </dl>
        <FormAlert error={error} />
      </article>
    </li>
  );
}
