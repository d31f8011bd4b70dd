// Whether a call was refused because the wallet locked meanwhile (auto-lock
// while a page is open), so the page can show its unlock form.
import { ErrorCode, WalletError } from '../../shared/errors';

export function isLockedError(error: unknown): boolean {
  return error instanceof WalletError && error.code === ErrorCode.Locked;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
