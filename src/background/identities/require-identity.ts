import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { Services } from '../services';
import { requireAtSign } from './key-errors';

/** The atSign's record, or -32602 when the atSign is not in this wallet. */
export async function requireIdentity(atSign: string, { identities }: Pick<Services, 'identities'>) {
  const record = await identities.get(requireAtSign(atSign));
  if (!record)
    throw new WalletError(ErrorCode.InvalidParams, `${atSign} is not in this wallet.`, { reason: 'unknown-atsign' });
  return record;
}
