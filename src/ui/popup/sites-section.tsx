// The "Sites" section: every site the person has let see something, or what
// to do when there is none. It renders the state it is given.
import type { Grant } from '../../shared/grant';
import { GrantItem } from './grant-item';
import type { Loadable } from '../shared/use-call';

export function SitesSection({ grants, now, onRetry }: { grants: Loadable<Grant[]>; now: number; onRetry: () => void }) {
  return (
    <section class="section" aria-labelledby="sites-heading" aria-busy={grants.status === 'loading'}>
      <h2 id="sites-heading">Sites</h2>
      <SitesBody grants={grants} now={now} onRetry={onRetry} />
    </section>
  );
}

function SitesBody({ grants, now, onRetry }: { grants: Loadable<Grant[]>; now: number; onRetry: () => void }) {
  switch (grants.status) {
    case 'loading':
      return (
        <p class="status" role="status">
          Loading your sites…
        </p>
      );
    case 'error':
      return (
        <div class="status status--error" role="alert">
          <p>Your sites could not be loaded.</p>
          <p class="status__detail">{grants.message}</p>
          <button type="button" class="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
    case 'ready':
      if (grants.value.length === 0) {
        return (
          <p class="status empty">
            No site can see anything about you yet. When a site asks to connect, you choose what it may see.
          </p>
        );
      }
      return (
        <ul class="grants">
          {grants.value.map((grant) => (
            <GrantItem key={grant.id} grant={grant} now={now} />
          ))}
        </ul>
      );
  }
}
