// Asking to add the wallet to an atSign, as the wallet's pages do: what the
// person typed is checked before anything goes out, and what went wrong on
// the way is said in words. (The whole enrollment against an atServer is in
// enrollments.test.ts and the browser tests.)
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@/src/shared/errors';
import { BARBARA, walletWithBarbara } from '../personas/support';

describe('asking to add the wallet to an atSign', () => {
  it('refuses a one-time code that is not letters and digits, before asking anyone', async () => {
    const { fails } = await walletWithBarbara();
    for (const otp of ['', '   ', 'AB', 'ABC 123', 'ABC-12;', 'x'.repeat(33)]) {
      expect(await fails(ErrorCode.InvalidParams, 'wallet_requestEnrollment', { atSign: '@alice', otp })).toMatch(/one-time code|otp/);
    }
  });

  it('refuses an atSign that breaks the rules, or one already in the wallet', async () => {
    const { fails } = await walletWithBarbara();
    expect(await fails(ErrorCode.InvalidParams, 'wallet_requestEnrollment', { atSign: '@Not Valid', otp: 'ABC123' })).toMatch(/atSign/);
    expect(await fails(ErrorCode.InvalidParams, 'wallet_requestEnrollment', { atSign: BARBARA, otp: 'ABC123' })).toBe(
      `${BARBARA} is already in this wallet.`,
    );
  });

  it('says the root could not be reached, and keeps no request to wait on', async () => {
    const { call, fails } = await walletWithBarbara();
    const reply = await call('wallet_requestEnrollment', { atSign: '@alice', otp: 'ABC123' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Internal, message: 'The root at https://root.atsign.org could not be reached.', data: { reason: 'unreachable' } },
    });
    expect(await fails(ErrorCode.Internal, 'wallet_awaitEnrollment', { atSign: '@alice' })).toBe(
      'No request to add this wallet to @alice is waiting. Ask again with a new code.',
    );
  });

  it('needs the wallet unlocked', async () => {
    const { ok, fails } = await walletWithBarbara();
    await ok('wallet_lock');
    await fails(ErrorCode.Locked, 'wallet_requestEnrollment', { atSign: '@alice', otp: 'ABC123' });
    await fails(ErrorCode.Locked, 'wallet_awaitEnrollment', { atSign: '@alice' });
  });
});
