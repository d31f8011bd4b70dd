// Says in words (and a mark) whether the wallet is locked.
export function LockState({ unlocked }: { unlocked: boolean }) {
  return (
    <span class={unlocked ? 'lock-state lock-state--open' : 'lock-state'}>
      <span aria-hidden="true" class="lock-state__dot" />
      {unlocked ? 'Unlocked' : 'Locked'}
    </span>
  );
}
