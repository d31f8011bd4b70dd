import { describe, expect, it, vi } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { WalletError } from '@/src/shared/errors';
import type { SignInResult } from '@/src/shared/methods/page';
import { verifySignIn } from '@/packages/sdk/src/siwa/verify';
import { walletWithBarbara } from '../personas/support';

const SHOP = 'https://shop.example:8443';
const page: PageCaller = { kind: 'page', origin: SHOP, topOrigin: null, tabId: 1, frameId: 0 };
const NONCE = 'n0nce12345';

async function setup(keepSignedIn = false) {
  const w = await walletWithBarbara();
  const ask = vi.spyOn(w.services.approvals, 'ask').mockResolvedValue({ approve: true, keepSignedIn });
  const site = createDispatcher(handlers, w.services);
  const signIn = (params: unknown = { nonce: NONCE }) => site({ method: 'atsign_signIn', params }, page);
  return { w, ask, site, signIn };
}

describe('atsign_signIn', () => {
  it('shows the person the exact message, written from the real origin, and signs it', async () => {
    const { w, ask, signIn } = await setup();
    const reply = await signIn({ nonce: NONCE, statement: 'Sign in to the shop.' });
    expect(reply.ok).toBe(true);
    const result = (reply as { result: SignInResult }).result;
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ kind: 'signIn', origin: SHOP, message: result.message }), expect.any(Function));
    expect(result.message.split('\n').slice(0, 6)).toEqual([
      'shop.example:8443 wants you to sign in with your atSign:',
      '@barbara',
      '',
      'Sign in to the shop.',
      '',
      `URI: ${SHOP}`,
    ]);
    const verified = await verifySignIn(result, { domain: 'shop.example:8443', nonce: NONCE, now: w.services.now(), allowSelfAsserted: true });
    expect(verified).toMatchObject({ atSign: '@barbara', keySource: 'self-asserted' });
  });

  it('cannot be told another domain or URI by the page', async () => {
    const { signIn, ask } = await setup();
    for (const params of [
      { nonce: NONCE, domain: 'bank.example' },
      { nonce: NONCE, uri: 'https://bank.example' },
      { nonce: 'short' },
      { nonce: NONCE, statement: 'two\nlines' },
      { nonce: NONCE, expirationTime: 'tomorrow' },
    ]) {
      expect(await signIn(params)).toMatchObject({ ok: false, error: { code: -32602 } });
    }
    expect(ask).not.toHaveBeenCalled();
  });

  it('keeps the person signed in without a window when they chose so, until the grant is revoked', async () => {
    const { w, ask, signIn } = await setup(true);
    expect((await signIn()).ok).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
    const grant = await w.services.grants.byOrigin(SHOP);
    expect(grant).toMatchObject({ atSign: '@barbara', fields: [], signInKeptUntil: w.services.now() + 30 * 24 * 3600_000 });

    expect((await signIn({ nonce: 'anotherNonce1' })).ok).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);

    await w.ok('wallet_revokeGrant', { origin: SHOP });
    expect((await signIn({ nonce: 'thirdNonce123' })).ok).toBe(true);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks every time when not kept, and logs each sign-in', async () => {
    const { w, ask, signIn } = await setup(false);
    await signIn();
    await signIn({ nonce: 'anotherNonce1' });
    expect(ask).toHaveBeenCalledTimes(2);
    const { entries } = await w.ok('wallet_listActivity', { kind: 'signIn' });
    expect(entries).toHaveLength(2);
  });

  it('answers 4001 when the person rejects', async () => {
    const { w, signIn } = await setup();
    vi.spyOn(w.services.approvals, 'ask').mockRejectedValue(new WalletError(4001, 'The person rejected the request.'));
    expect(await signIn()).toMatchObject({ ok: false, error: { code: 4001 } });
  });
});
