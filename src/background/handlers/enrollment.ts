import { AtClientError } from '@/src/atplatform';
import { encodeHex } from '@/src/shared/base64';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { EnrollmentError } from '../atplatform/enrollment';
import { RootLookupError } from '../atplatform/root-over-https';
import { refreshLinks } from '../atplatform/wallet-links';
import { addIdentity, requireNewAtSign } from '../identities/add-identity';
import { requireAtSign } from '../identities/key-errors';
import type { Handler } from './types';

/** What the person typed wrong is -32602; what happened on the way is -32603; both with a sentence and the reason. */
function asWalletError(error: unknown): unknown {
  if (error instanceof EnrollmentError) {
    const theirs = ['otp-refused', 'secret-refused', 'not-found', 'not-activated'].includes(error.problem);
    return new WalletError(theirs ? ErrorCode.InvalidParams : ErrorCode.Internal, error.message, { reason: error.problem });
  }
  if (error instanceof RootLookupError || error instanceof AtClientError) {
    return new WalletError(ErrorCode.Internal, error.message, { reason: 'unreachable' });
  }
  return error;
}

/** How the request names this wallet to the approving app: the browser and a few random letters, no spaces (the atServer keys it by name). */
function deviceName(): string {
  const browser = import.meta.env.FIREFOX ? 'firefox' : 'chromium';
  const suffix = encodeHex(crypto.getRandomValues(new Uint8Array(3)));
  return `atsign-wallet-${browser}-${suffix}`;
}

export const requestEnrollment: Handler<'wallet_requestEnrollment'> = async ({ params }, services) => {
  const otp = params.otp.trim();
  if (!/^[A-Za-z0-9]{4,32}$/.test(otp)) {
    throw new WalletError(ErrorCode.InvalidParams, 'A one-time code is letters and digits, as your other app shows it.', { reason: 'bad-otp' });
  }
  const atSign = await requireNewAtSign(params.atSign, services);
  try {
    const { enrollmentId, deviceName: name } = await services.enrollments.request(atSign, otp, deviceName());
    return { atSign, enrollmentId, deviceName: name };
  } catch (error) {
    throw asWalletError(error);
  }
};

export const awaitEnrollment: Handler<'wallet_awaitEnrollment'> = async ({ params }, services) => {
  const atSign = requireAtSign(params.atSign);
  let keys;
  try {
    keys = await services.enrollments.waitForApproval(atSign);
  } catch (error) {
    throw asWalletError(error);
  }
  const added = await addIdentity(keys, 'enrolled', services);
  await refreshLinks(services);
  return added;
};

export const activateAtSign: Handler<'wallet_activateAtSign'> = async ({ params }, services) => {
  const secret = params.secret.trim();
  if (secret === '' || /\s/.test(secret)) {
    throw new WalletError(ErrorCode.InvalidParams, 'An activation secret is one word of letters and digits, as the registrar gave it.', {
      reason: 'bad-secret',
    });
  }
  const atSign = await requireNewAtSign(params.atSign, services);
  // The keys go into the vault before the atServer deletes the secret: if
  // they cannot (the wallet locked meanwhile), the secret still works and the
  // person can try again. Once the atSign's record is stored its keys are
  // kept, and the secret goes even if what comes after (its first personas)
  // failed: trying again would be refused (the atSign is in the wallet), and a
  // secret left working would let whoever holds it take the atSign over.
  let added: Awaited<ReturnType<typeof addIdentity>> | undefined;
  let failedAfterKept: unknown = null;
  try {
    await services.enrollments.activate(atSign, secret, deviceName(), async (keys) => {
      try {
        added = await addIdentity(keys, 'activated', services);
      } catch (error) {
        if (!(await services.identities.get(keys.atSign))) throw error;
        failedAfterKept = error;
      }
    });
  } catch (error) {
    throw asWalletError(error);
  }
  await refreshLinks(services);
  if (failedAfterKept !== null) throw failedAfterKept;
  // activate resolves only after `keep` ran: the atSign was added.
  return added!;
};

export const cancelEnrollment: Handler<'wallet_cancelEnrollment'> = async ({ params }, services) => {
  services.enrollments.cancel(requireAtSign(params.atSign));
  return null;
};
