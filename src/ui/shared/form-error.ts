// What a form shows when its action fails: the wallet's own sentence, and when
// the wallet asks for a pause (wrong passphrase, too many tries), until when.
import { WalletError } from '../../shared/errors';

export interface FormError {
  message: string;
  /** ms since epoch before which the form's button stays disabled, or null */
  retryAt: number | null;
}

export function toFormError(error: unknown, now = Date.now()): FormError {
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
  const retryInMs = error instanceof WalletError ? error.data?.retryInMs : undefined;
  const retryAt = typeof retryInMs === 'number' && retryInMs > 0 ? now + retryInMs : null;
  return { message, retryAt };
}
