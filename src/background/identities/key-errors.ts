import { AtKeysError, checkAtSign } from '@/src/keys';
import { ErrorCode, WalletError } from '@/src/shared/errors';

/** A file that is not right is the caller's input: -32602, with the problem named. */
export function asInputError(error: unknown): unknown {
  return error instanceof AtKeysError
    ? new WalletError(ErrorCode.InvalidParams, error.message, { reason: error.problem })
    : error;
}

/** The atSign as the atPlatform writes it, or -32602 naming every rule broken. */
export function requireAtSign(input: string): string {
  const check = checkAtSign(input);
  if (!check.ok) throw new WalletError(ErrorCode.InvalidParams, check.problems.join(' '), { reason: 'bad-atsign' });
  return check.atSign;
}
