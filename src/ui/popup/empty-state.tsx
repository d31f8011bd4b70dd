// What the popup shows before there is anything to manage: one clear way on.
interface Props {
  initialized: boolean;
  onOpenOnboarding: () => void;
}

export function EmptyState({ initialized, onOpenOnboarding }: Props) {
  return (
    <section class="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{initialized ? 'No atSign yet' : 'Welcome'}</h2>
      <p class="muted">
        {initialized
          ? 'Import the .atKeys file of an atSign you have, or create a new one.'
          : 'Keep your atSign keys here and choose what each website may see about you.'}
      </p>
      <button type="button" class="button" onClick={onOpenOnboarding}>
        {initialized ? 'Add an atSign' : 'Set up atSign Wallet'}
      </button>
    </section>
  );
}
