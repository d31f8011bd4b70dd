// What a list shows before its data is there: a loading line, or what went
// wrong and a way to try again.
import type { Loadable } from '../shared/use-call';

interface Props {
  state: Exclude<Loadable<unknown>, { status: 'ready' }>;
  loading: string;
  failed: string;
  onRetry: () => void;
}

export function ListStatus({ state, loading, failed, onRetry }: Props) {
  if (state.status === 'loading') {
    return (
      <p class="status" role="status">
        {loading}
      </p>
    );
  }
  return (
    <div class="status status--error" role="alert">
      <p>{failed}</p>
      <p class="status__detail">{state.message}</p>
      <button type="button" class="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
