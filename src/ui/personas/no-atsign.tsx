// What the page shows when there is no atSign to hold personas: one clear way on.
interface Props {
  initialized: boolean;
  /** there are atSigns, but none is the active one */
  noneActive: boolean;
  onOpenOnboarding: () => void;
}

export function NoAtSign({ initialized, noneActive, onOpenOnboarding }: Props) {
  if (noneActive) {
    return (
      <section class="card empty-card" aria-labelledby="empty-heading">
        <h2 id="empty-heading">Choose an atSign</h2>
        <p class="muted">Personas belong to an atSign. Choose the active one in the wallet’s popup, then come back.</p>
      </section>
    );
  }
  return (
    <section class="card empty-card" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{initialized ? 'No atSign yet' : 'Welcome'}</h2>
      <p class="muted">
        Personas belong to an atSign: Public, Work and Family are made for each one you add. Import the .atKeys file of
        an atSign you have, or create a new one.
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={onOpenOnboarding}>
          {initialized ? 'Add an atSign' : 'Set up atSign Wallet'}
        </button>
      </div>
    </section>
  );
}
