// The extension's name and mark, at the start of every page's header.
export function Brand({ title = 'atSign Wallet' }: { title?: string }) {
  return (
    <div class="brand">
      <span class="logo" aria-hidden="true">
        @
      </span>
      <h1>{title}</h1>
    </div>
  );
}
