// "Don't ask again today": while it holds, the site's requests that would ask
// the person are refused 4001 at once, with no window, and logged; it ends by
// itself after a day, or when the person lets the site ask again.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askConsent } from '@/src/background/approvals/consent';
import { askAgain, listQuietSites, quietSite } from '@/src/background/approvals/quiet-sites';
import { QUIET_MS } from '@/src/shared/approval';
import { ErrorCode } from '@/src/shared/errors';
import { walletWithBarbara } from '../personas/support';

const PESKY = 'https://pesky.example';
const caller = { kind: 'page' as const, origin: PESKY, topOrigin: null, tabId: 1, frameId: 0 };
const ASK = { fields: ['name'], optionalFields: ['email'] };

async function setup() {
  const w = await walletWithBarbara();
  const ask = vi.spyOn(w.services.approvals, 'ask');
  const opened = vi.spyOn(fakeBrowser.windows, 'create');
  return { ...w, ask, opened };
}

describe('a quieted site', () => {
  it('is refused 4001 without a window for connect and sign-in, each refusal logged', async () => {
    const { services, opened, ok } = await setup();
    await quietSite(PESKY, services);
    await expect(askConsent('atsign_connect', caller, ASK, services)).rejects.toMatchObject({ code: ErrorCode.UserRejected });
    await expect(askConsent('atsign_signIn', caller, { nonce: 'n0nce12345678' }, services)).rejects.toMatchObject({ code: ErrorCode.UserRejected });
    expect(opened).not.toHaveBeenCalled();
    // Nothing is left waiting: the site is refused, not stuck behind its own request.
    await expect(askConsent('atsign_connect', caller, ASK, services)).rejects.toMatchObject({ code: ErrorCode.UserRejected });
    const { entries } = await ok('wallet_listActivity', { kind: 'quieted' });
    expect(entries.map((e) => [e.origin, e.fields])).toEqual([
      [PESKY, ['name', 'email']],
      [PESKY, []],
      [PESKY, ['name', 'email']],
    ]);
  });

  it('asks again after a day, or at once when the person lets it', async () => {
    const { services, clock } = await setup();
    await quietSite(PESKY, services);
    expect(await listQuietSites(services)).toEqual([{ origin: PESKY, until: clock.now + QUIET_MS }]);
    clock.now += QUIET_MS;
    expect(await listQuietSites(services)).toEqual([]);

    await quietSite(PESKY, services);
    await quietSite('https://other.example', services);
    expect(await askAgain(PESKY, services)).toEqual([{ origin: 'https://other.example', until: clock.now + QUIET_MS }]);
  });

  it('is only ever the one the person answered: other sites still ask', async () => {
    const { services, ask } = await setup();
    await quietSite(PESKY, services);
    ask.mockRejectedValueOnce(Object.assign(new Error('no'), { code: ErrorCode.UserRejected }));
    await expect(askConsent('atsign_connect', { ...caller, origin: 'https://fine.example' }, ASK, services)).rejects.toThrow('no');
    expect(ask).toHaveBeenCalledOnce();
  });
});

describe('the approval window’s answer', () => {
  it('quiets the site it asked for when the person says "not today", and only then', async () => {
    const { services, ok } = await setup();
    const view = { kind: 'connect' as const, origin: PESKY, topOrigin: null, request: { fields: ['name'], optionalFields: [] } };
    const first = services.approvals.ask(view).catch((error: unknown) => error);
    const [id] = [...(services.approvals as unknown as { waiting: Map<string, unknown> }).waiting.keys()];
    await ok('wallet_answerApproval', { id, answer: { approve: false, quiet: true } });
    expect(await first).toMatchObject({ code: ErrorCode.UserRejected });
    expect((await ok('wallet_listQuietSites')).map((s) => s.origin)).toEqual([PESKY]);
    expect(await ok('wallet_askAgain', { origin: PESKY })).toEqual([]);
  });
});
