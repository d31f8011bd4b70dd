// One window to sign in: a sign-in that names fields shows the persona and
// fields beside the message when the site's grant does not cover them, and
// one approval answers with the signature, the grant and the profile. When the
// grant covers them, the window shows only the message (or none while the
// person is kept signed in) and the values come through that grant.
import { describe, expect, it } from 'vitest';
import type { PageCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import type { ApprovalAnswer, ApprovalView } from '@/src/shared/approval';
import type { SignInResult } from '@/src/shared/methods/page';
import type { Reply } from '@/src/shared/protocol';
import { verifySignIn } from '@/packages/sdk/src/siwa/verify';
import { walletWithBarbara } from '../personas/support';

const SHOP = 'https://shop.example';
const page: PageCaller = { kind: 'page', origin: SHOP, topOrigin: null, tabId: 1, frameId: 0 };
const DAY = 24 * 60 * 60_000;
let nonces = 0;

async function setup() {
  const w = await walletWithBarbara();
  const site = createDispatcher(handlers, w.services);
  const work = await w.persona('Work');
  await w.ok('wallet_savePersona', { id: work.id, name: work.name, fields: { name: 'Barbara Jensen', email: 'b@work.example' } });
  const waiting = () => [...(w.services.approvals as unknown as { waiting: Map<string, unknown> }).waiting.keys()];
  const views: ApprovalView[] = [];

  /** Signs in with `params`; each window that opens is answered by `answer(view)`. */
  async function signIn(params: Record<string, unknown>, answer?: (view: ApprovalView) => ApprovalAnswer): Promise<Reply> {
    const reply = site({ method: 'atsign_signIn', params: { nonce: `shareNonce${++nonces}`, ...params } }, page);
    const settled = reply.then(() => 'settled' as const);
    for (;;) {
      const [id] = waiting();
      if (id !== undefined && answer) {
        const view = w.services.approvals.view(id);
        views.push(view);
        const answered = await w.call('wallet_answerApproval', { id, answer: answer(view) });
        if (!answered.ok) {
          await w.ok('wallet_answerApproval', { id, answer: { approve: false } });
          return answered;
        }
        return reply;
      }
      if ((await Promise.race([settled, new Promise((r) => setTimeout(r, 5))])) === 'settled') return reply;
    }
  }
  const result = (reply: Reply) => {
    if (!reply.ok) throw new Error(`atsign_signIn failed: ${reply.error.code} ${reply.error.message}`);
    return reply.result as SignInResult;
  };
  return { ...w, work, signIn, result, views };
}

describe('atsign_signIn with fields', () => {
  it('asks for the fields and the signature in one window, and answers with both', async () => {
    const { services, work, signIn, result, views } = await setup();
    const reply = await signIn({ fields: ['name'], optionalFields: ['email', 'phone_number'], purpose: 'To address you.' }, () => ({
      approve: true,
      keepSignedIn: false,
      share: { personaId: work.id, fields: ['name', 'email'], duration: 'month' },
    }));
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      kind: 'signIn',
      origin: SHOP,
      atSign: '@barbara',
      request: { fields: ['name'], optionalFields: ['email', 'phone_number'], purpose: 'To address you.' },
    });
    const signed = result(reply);
    expect(signed.profile).toEqual({ name: 'Barbara Jensen', email: 'b@work.example' });
    expect(signed.persona).toEqual({ id: work.id, name: 'Work' });
    expect(signed.grant).toMatchObject({ origin: SHOP, atSign: '@barbara', personaId: work.id, fields: ['name', 'email'] });
    expect(signed.grant!.expiresAt).toBe(services.now() + 30 * DAY);
    expect(await services.grants.byOrigin(SHOP)).toEqual(signed.grant);
    expect(views[0]!.kind === 'signIn' && views[0]!.message).toBe(signed.message);
    // The profile travels signed with the sign-in: the site's server gets it verified, and refuses it changed.
    const options = { domain: 'shop.example', nonce: `shareNonce${nonces}`, now: services.now(), allowSelfAsserted: true };
    const { persona: _persona, grant: _grant, ...posted } = signed;
    const verified = await verifySignIn(posted, options);
    expect(verified).toMatchObject({ atSign: '@barbara', profile: { name: 'Barbara Jensen', email: 'b@work.example' } });
    await expect(verifySignIn({ ...posted, profile: { ...signed.profile, email: 'm@evil.example' } }, options)).rejects.toMatchObject({
      code: 'PROFILE_MISMATCH',
    });
  });

  it('shows only the message when the grant covers the required fields, and reads them through it', async () => {
    const { work, signIn, result, views, grant } = await setup();
    await grant(SHOP, work.id, ['name']);
    const reply = await signIn({ fields: ['name'], optionalFields: ['email'] }, () => ({ approve: true, keepSignedIn: false }));
    expect(views).toHaveLength(1);
    expect(views[0]).not.toHaveProperty('request');
    // email was not granted before, and only optional: not asked again, not given.
    expect(result(reply)).toMatchObject({ profile: { name: 'Barbara Jensen' }, persona: { id: work.id }, grant: { fields: ['name'] } });
    expect(result(reply).profileSignature).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it('opens no window while kept signed in and covered, and asks once a new required field is named', async () => {
    const { work, signIn, result, views, services } = await setup();
    const share = (fields: string[]) => ({ approve: true as const, keepSignedIn: true, share: { personaId: work.id, fields, duration: 'forever' as const } });
    result(await signIn({ fields: ['name'] }, () => share(['name'])));
    expect((await services.grants.byOrigin(SHOP))!.signInKeptUntil).toBe(services.now() + 30 * DAY);

    const kept = await signIn({ fields: ['name'] });
    expect(views).toHaveLength(1);
    expect(result(kept).profile).toEqual({ name: 'Barbara Jensen' });

    const wider = await signIn({ fields: ['name', 'email'] }, () => share(['name', 'email']));
    expect(views).toHaveLength(2);
    expect(views[1]).toMatchObject({ request: { fields: ['name', 'email'] } });
    expect(result(wider).profile).toEqual({ name: 'Barbara Jensen', email: 'b@work.example' });
  });

  it('shares "only this time" without a lasting grant on the fields, yet records the sign-in', async () => {
    const { work, signIn, result, services } = await setup();
    const reply = await signIn({ fields: ['email'] }, () => ({
      approve: true,
      keepSignedIn: false,
      share: { personaId: work.id, fields: ['email'], duration: 'once' },
    }));
    expect(result(reply).profile).toEqual({ email: 'b@work.example' });
    expect(await services.grants.byOrigin(SHOP)).toMatchObject({ atSign: '@barbara', fields: [], expiresAt: null });
  });

  it('refuses answers that do not fit the window, and a purpose with no fields', async () => {
    const { work, signIn, services } = await setup();
    const noShare = await signIn({ fields: ['name'] }, () => ({ approve: true, keepSignedIn: false }));
    expect(noShare).toMatchObject({ ok: false, error: { code: -32602 } });

    const asked = await signIn({ optionalFields: ['email'] }, () => ({
      approve: true,
      keepSignedIn: false,
      share: { personaId: work.id, fields: ['email', 'name'], duration: 'day' },
    }));
    expect(asked).toMatchObject({ ok: false, error: { code: -32602, message: 'Only the fields the site asked for can be shared.' } });

    const stranger = await signIn({ fields: ['name'] }, () => ({
      approve: true,
      keepSignedIn: false,
      share: { personaId: 'not-a-persona', fields: ['name'], duration: 'day' },
    }));
    expect(stranger).toMatchObject({ ok: false, error: { code: -32602, data: { reason: 'unknown-persona' } } });

    expect(await signIn({ purpose: 'Why not?' })).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(await signIn({ fields: ['not a field'] })).toMatchObject({ ok: false, error: { code: -32602 } });
    expect(await services.grants.byOrigin(SHOP)).toBeUndefined();
  });

  it('saves a value the person fills in right in the window before answering with it', async () => {
    const { work, signIn, result, persona } = await setup();
    const reply = await signIn({ fields: ['phone_number'] }, () => ({
      approve: true,
      keepSignedIn: false,
      share: { personaId: work.id, fields: ['phone_number'], duration: 'hour', fill: { phone_number: '+44 20 7946 0000' } },
    }));
    expect(result(reply).profile).toEqual({ phone_number: '+44 20 7946 0000' });
    expect((await persona('Work')).fields.phone_number).toBe('+44 20 7946 0000');
  });
});
