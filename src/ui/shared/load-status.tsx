// What a page shows before the wallet has answered, or when it could not.
export function LoadStatus({ error, onRetry }: { error?: string; onRetry: () => void }) {
  if (error === undefined) {
    return (
      <p class="status" role="status">
        Opening your wallet…
      </p>
    );
  }
  return (
    <div class="status status--error" role="alert">
      <p>The wallet did not answer.</p>
      <p class="status__detail">{error}</p>
      <button type="button" class="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
