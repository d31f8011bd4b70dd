// A quiet line saying whose window this is. Not a heading: the heading is the
// question the person is asked.
export function WindowBrand() {
  return (
    <div class="window-brand">
      <span class="logo" aria-hidden="true">
        @
      </span>
      atSign Wallet
    </div>
  );
}
