// "Keep me signed in on this site": when a sign-in may skip the window, and
// when it must not. The grant that keeps it must be in force now (not merely
// not swept yet), for the atSign now active, within its 30 days — and never
// longer than the grant itself, also after the person shortens the grant.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { KEEP_SIGNED_IN_MS } from '@/src/shared/approval';
import type { SignInResult } from '@/src/shared/methods/page';
import { parseSignInMessage } from '@/packages/sdk/src/siwa';
import { makeGrant } from '../support/grants';
import { BARBARA, walletWithBarbara } from '../personas/support';

const SHOP = 'https://shop.example:8443';
const page: PageCaller = { kind: 'page', origin: SHOP, topOrigin: null, tabId: 1, frameId: 0 };
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

let nonces = 0;
const freshNonce = () => `keptNonce${++nonces}`;

/** Barbara's wallet; the window (when it opens) is approved with "Keep me signed in" ticked. */
async function setup() {
  const w = await walletWithBarbara();
  const ask = vi.spyOn(w.services.approvals, 'ask').mockResolvedValue({ approve: true, keepSignedIn: true });
  const emit = vi.spyOn(w.services.events, 'emit');
  const site = createDispatcher(handlers, w.services);
  async function signIn(): Promise<SignInResult> {
    const reply = await site({ method: 'atsign_signIn', params: { nonce: freshNonce() } }, page);
    if (!reply.ok) throw new Error(`atsign_signIn failed: ${reply.error.code} ${reply.error.message}`);
    return reply.result as SignInResult;
  }
  const grant = () => w.services.grants.byOrigin(SHOP);
  return { w, ask, emit, signIn, grant };
}

describe('keep me signed in', () => {
  it('asks again once the 30 days are over, and not a moment before', async () => {
    const { w, ask, signIn, grant } = await setup();
    await signIn();
    expect(ask).toHaveBeenCalledTimes(1);
    const keptUntil = (await grant())!.signInKeptUntil!;
    expect(keptUntil).toBe(w.clock.now + KEEP_SIGNED_IN_MS);

    w.clock.now = keptUntil - 1;
    await signIn();
    expect(ask).toHaveBeenCalledTimes(1);

    w.clock.now = keptUntil;
    await signIn();
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'signIn', origin: SHOP, atSign: BARBARA }), expect.any(Function));
    // Ticked again in that window: a new 30 days from now.
    expect((await grant())!.signInKeptUntil).toBe(keptUntil + KEEP_SIGNED_IN_MS);
  });

  it('asks again when another atSign is active, and signs as that one', async () => {
    const { w, ask, signIn, grant } = await setup();
    await signIn();
    expect(ask).toHaveBeenCalledTimes(1);

    const alice = readFileSync(path.resolve(process.cwd(), '../shared/fixtures/atkeys/@alice🛠.atKeys'), 'utf8');
    await w.ok('wallet_importAtKeys', { content: alice, fileName: '@alice🛠.atKeys' });
    await w.ok('wallet_setActiveAtSign', { atSign: '@alice🛠' });
    const result = await signIn();
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'signIn', atSign: '@alice🛠' }), expect.any(Function));
    expect(parseSignInMessage(result.message).atSign).toBe('@alice🛠');
    expect(await grant()).toMatchObject({ atSign: '@alice🛠' });

    // Back to Barbara: the site's grant is Alice's now, so Barbara is asked too.
    await w.ok('wallet_setActiveAtSign', { atSign: BARBARA });
    await signIn();
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('asks when the grant’s time is up, even before the grant is swept', async () => {
    const { w, ask, emit, signIn, grant } = await setup();
    // As an older wallet could leave it: kept for longer than the grant lasts.
    const stale = makeGrant({
      origin: SHOP,
      atSign: BARBARA,
      personaId: (await w.persona('Public')).id,
      fields: ['name'],
      grantedAt: w.clock.now - DAY,
      expiresAt: w.clock.now - 1,
      signInKeptUntil: w.clock.now + 29 * DAY,
    });
    await w.db.grants.put(stale);

    const result = await signIn();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(parseSignInMessage(result.message).atSign).toBe(BARBARA);
    // The site is told its old grant ended; the sign-in made a new one, with no fields.
    expect(emit).toHaveBeenCalledWith(SHOP, 'revoked', { grantId: stale.id, reason: 'expired' });
    const now = await grant();
    expect(now).toMatchObject({ atSign: BARBARA, fields: [], expiresAt: null, signInKeptUntil: w.clock.now + KEEP_SIGNED_IN_MS });
    expect(now!.id).not.toBe(stale.id);
  });

  it('ends with the grant when the person shortens its time, and asks after that', async () => {
    const { w, ask, signIn, grant } = await setup();
    await w.grant(SHOP, (await w.persona('Public')).id, ['name']);
    await signIn();
    expect((await grant())!.signInKeptUntil).toBe(w.clock.now + KEEP_SIGNED_IN_MS);

    const [updated] = await w.ok('wallet_updateGrant', { origin: SHOP, duration: 'hour' });
    expect(updated).toMatchObject({ fields: ['name'], expiresAt: w.clock.now + HOUR, signInKeptUntil: w.clock.now + HOUR });

    w.clock.now += HOUR - 1;
    await signIn();
    expect(ask).toHaveBeenCalledTimes(1);
    w.clock.now += 1;
    await signIn();
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('a longer time does not stretch the 30 days', async () => {
    const { w, signIn, grant } = await setup();
    await w.grant(SHOP, (await w.persona('Public')).id, ['name']);
    await signIn();
    const keptUntil = (await grant())!.signInKeptUntil;
    await w.ok('wallet_updateGrant', { origin: SHOP, duration: 'day' });
    expect((await grant())!.signInKeptUntil).toBe(w.clock.now + DAY);
    await w.ok('wallet_updateGrant', { origin: SHOP, duration: 'forever' });
    expect(await grant()).toMatchObject({ expiresAt: null, signInKeptUntil: w.clock.now + DAY });
    expect(keptUntil).toBeGreaterThan(w.clock.now + DAY);
  });

  it('a sign-in’s own grant (no fields) is shortened, not ended, by a shorter time', async () => {
    const { w, ask, signIn, grant } = await setup();
    await signIn();
    const [updated] = await w.ok('wallet_updateGrant', { origin: SHOP, duration: 'hour' });
    expect(updated).toMatchObject({ origin: SHOP, fields: [], expiresAt: w.clock.now + HOUR, signInKeptUntil: w.clock.now + HOUR });
    await signIn();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await grant()).toBeDefined();
  });
});
