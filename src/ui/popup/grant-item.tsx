// One site's grant, as a row in the Sites list. Renders what it is given.
import type { Grant } from '../../shared/grant';
import { originWarnings } from '../shared/origin-display';
import { describeExpiry, fieldLabel, formatTime } from './format';

export function GrantItem({ grant, now }: { grant: Grant; now: number }) {
  const expiry = describeExpiry(grant.expiresAt, now);
  const warnings = originWarnings(grant.origin);
  const headingId = `grant-${grant.id}`;
  return (
    <li class={expiry.expired ? 'grant grant--expired' : 'grant'}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} class="grant__origin">
          {grant.origin}
        </h3>
        {warnings.map((warning) => (
          <p class="grant__warning" key={warning}>
            {warning}
          </p>
        ))}
        <dl class="grant__facts">
          <dt>atSign</dt>
          <dd>{grant.atSign}</dd>
          <dt>Can see</dt>
          <dd>
            {grant.fields.length === 0 ? (
              'Only your atSign'
            ) : (
              <ul class="chips">
                {grant.fields.map((field) => (
                  <li key={field} class="chip" title={field}>
                    {fieldLabel(field)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Granted</dt>
          <dd>
            <time dateTime={new Date(grant.grantedAt).toISOString()}>{formatTime(grant.grantedAt)}</time>
          </dd>
          <dt>Access</dt>
          <dd class={expiry.expired ? 'expired' : undefined}>{expiry.text}</dd>
        </dl>
      </article>
    </li>
  );
}
