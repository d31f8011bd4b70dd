// "Your atSigns": every atSign in the wallet, the active one marked.
import type { IdentitySummary } from '../../shared/wallet-state';
import { IdentityItem, type IdentityActions } from './identity-item';

interface Props extends IdentityActions {
  identities: IdentitySummary[];
  activeAtSign: string | null;
  justAdded: string | null;
}

export function IdentitiesSection({ identities, activeAtSign, justAdded, ...actions }: Props) {
  return (
    <section class="section" aria-labelledby="identities-heading">
      <h2 id="identities-heading">Your atSigns</h2>
      <p class="muted">
        The active atSign is the one sites see when you connect. Compare fingerprints with your other atSign apps to be
        sure the keys are the same.
      </p>
      <ul class="identities">
        {identities.map((identity, index) => (
          <IdentityItem
            key={identity.atSign}
            identity={identity}
            index={index}
            active={identity.atSign === activeAtSign}
            justAdded={identity.atSign === justAdded}
            {...actions}
          />
        ))}
      </ul>
    </section>
  );
}
