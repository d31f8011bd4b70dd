// Approval windows under any timing: each request that waits for the person
// gets exactly one window, and every window is closed once its request is
// answered. A site that asks again the moment it hears "rejected" (or another
// site that asks just then) must not get two windows for one request.
import type { Browser } from 'webextension-polyfill';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import { ErrorCode } from '@/src/shared/errors';
import { settle } from '../support/fake-window';
import { testServices } from '../support/services';
import {
  codeOf,
  expectNoPollution,
  fcOptions,
  outcomeOf,
  PAGE_ORIGINS,
  pageCaller,
  replyOf,
  TEST_TIMEOUT,
  walletWorld,
  watchForStrayErrors,
} from './world';

const CONNECT = { method: 'atsign_connect', params: { fields: ['name'] } };

/** Lets `n` rounds of already-queued promise callbacks run (a finer clock than a task). */
async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('approval windows', () => {
  it('one window per request and none left open, however soon the next connect comes', async () => {
    const world = await walletWorld();
    const watch = watchForStrayErrors();
    await world.baseline();

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...PAGE_ORIGINS.slice(0, 3)), fc.nat(40)), { minLength: 2, maxLength: 5 }),
        async (connects) => {
          await world.restore();
          world.approvals.windowsFor.clear();
          world.approvals.refused.length = 0;
          for (const [origin, gap] of connects) {
            const reply = replyOf(await outcomeOf(world.dispatch(CONNECT, pageCaller(origin))));
            expect(codeOf(reply)).toBe(ErrorCode.UserRejected);
            await microtasks(gap); // the site asks again after this long
          }
          await settle(5);
          await world.approvals.expectOneWindowEachAllClosed();
          expect((await fakeBrowser.storage.session.get('approvalWindows')).approvalWindows, 'windows remembered').toEqual([]);
          expectNoPollution();
          watch.check();
        },
      ),
      fcOptions(200),
    );
  }, TEST_TIMEOUT);

  it('a connect that arrives while the last window is closing gets one window (a pinned interleaving)', async () => {
    const { services } = testServices();
    await services.approvals.closeStale();
    const dispatch = createDispatcher(handlers, services);
    const windows = fakeBrowser.windows as unknown as Browser['windows'];
    const realCreate = windows.create.bind(windows);
    const realRemove = windows.remove.bind(windows);
    // Closing a window and opening one take a while in a browser; here, until the test says.
    let openCreate = () => {};
    const createGate = new Promise<void>((resolve) => (openCreate = resolve));
    let openRemove = () => {};
    const removeGate = new Promise<void>((resolve) => (openRemove = resolve));
    const create = vi.spyOn(windows, 'create').mockImplementation(async (options) => {
      if (create.mock.calls.length > 1) await createGate;
      return realCreate(options);
    });
    vi.spyOn(windows, 'remove').mockImplementation(async (id) => {
      await removeGate;
      return realRemove(id);
    });
    const requestIdOf = (call: number) => new URL(create.mock.calls[call]![0]!.url as string).searchParams.get('id')!;

    // A site asks; its window opens; the person rejects it.
    const first = dispatch(CONNECT, pageCaller('https://site.example'));
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const rejecting = dispatch({ method: 'wallet_answerApproval', params: { id: requestIdOf(0), answer: { approve: false } } }, { kind: 'ui' });
    expect(codeOf(await first)).toBe(ErrorCode.UserRejected);

    // The site asks again at once, while the first window is still closing.
    const second = dispatch(CONNECT, pageCaller('https://site.example'));
    openRemove(); // the first window is gone…
    await settle(3);
    openCreate(); // …and then the second one opens
    expect(await rejecting).toEqual({ ok: true, result: null });
    await settle(5);

    // The second request got one window, for itself.
    const opened = create.mock.calls.map((_, i) => requestIdOf(i));
    expect(opened.filter((id) => id === opened[1]), `windows opened per request: ${opened.join(', ')}`).toHaveLength(1);

    // The person rejects it in the window they see; nothing stays open or remembered.
    const answered = await dispatch({ method: 'wallet_answerApproval', params: { id: opened[1]!, answer: { approve: false } } }, { kind: 'ui' });
    expect(answered).toEqual({ ok: true, result: null });
    expect(codeOf(await second)).toBe(ErrorCode.UserRejected);
    await settle(5);
    expect((await windows.getAll()).map((w) => w.id)).toEqual([0]);
    expect((await fakeBrowser.storage.session.get('approvalWindows')).approvalWindows).toEqual([]);
  });
});
