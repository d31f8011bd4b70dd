// "Security": when the wallet locks itself, and the passphrase.
import type { AutoLockMinutes } from '../shared/use-wallet';
import { AutoLockField } from '../shared/auto-lock-field';
import { ChangePassphraseForm } from './change-passphrase-form';

interface Props {
  autoLockMinutes: number;
  onAutoLock: (minutes: AutoLockMinutes) => Promise<void>;
  onChangePassphrase: (current: string, next: string) => Promise<void>;
}

export function SecuritySection({ autoLockMinutes, onAutoLock, onChangePassphrase }: Props) {
  return (
    <section class="section" aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      <div class="choices">
        <div class="card">
          <h3>Auto-lock</h3>
          <AutoLockField minutes={autoLockMinutes} onChange={onAutoLock} />
        </div>
        <ChangePassphraseForm onChange={onChangePassphrase} />
      </div>
    </section>
  );
}
