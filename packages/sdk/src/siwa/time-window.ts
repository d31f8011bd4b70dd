// Is now inside the message's window? The wallet's clock wrote the times and
// the server's clock reads them, so Issued At may be a little ahead of the
// server; more than that and the message was not written now.
import { SignInError, SignInErrorCode } from './errors';
import type { SignInMessage } from './types';

/** How far Issued At may be ahead of the server's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function checkTimeWindow(message: SignInMessage, now: number): void {
  const at = new Date(now).toISOString();
  if (message.expirationTime !== undefined && now >= Date.parse(message.expirationTime)) {
    throw new SignInError(SignInErrorCode.EXPIRED, `The message expired at ${message.expirationTime} (now ${at}).`);
  }
  if (message.notBefore !== undefined && now < Date.parse(message.notBefore)) {
    throw new SignInError(SignInErrorCode.NOT_YET_VALID, `The message is not valid before ${message.notBefore} (now ${at}).`);
  }
  if (Date.parse(message.issuedAt) > now + MAX_CLOCK_SKEW_MS) {
    throw new SignInError(
      SignInErrorCode.NOT_YET_VALID,
      `The message is issued at ${message.issuedAt}, more than ${MAX_CLOCK_SKEW_MS / 60000} minutes after now (${at}).`,
    );
  }
}
