// The harness itself: a request outcomeOf gives up on (it "hung") keeps
// running, and must not change state under a later run. restore() waits for
// it first — otherwise an expiry sweep it still had to do reads the clock the
// next run sets, and ends a grant that run's model keeps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Grant } from '@/src/shared/grant';
import { T0 } from '../support/grants';
import { drainAbandoned, GRANTED_A, GRANTED_B, outcomeOf, pageCaller, walletWorld } from './world';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Lets fake IndexedDB (which runs on setImmediate, not the fake timers) get on for `n` turns. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Only the harness's timers are fake: fake IndexedDB still runs on setImmediate. */
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

afterEach(() => {
  vi.useRealTimers();
});

describe('a request the harness gave up on', () => {
  it('is waited for before the next run, so its expiry sweep cannot end a grant under that run', async () => {
    const world = await walletWorld();
    await world.baseline();
    const expiry = world.grants.find((g) => g.expiresAt !== null)!.expiresAt!;
    fakeTimers();

    // A run after the grant's time: its lookup is slow, and is given up on before it sweeps.
    world.clock.now = expiry + 1;
    const slow = gate();
    const findActive = world.services.grants.findActive.bind(world.services.grants);
    vi.spyOn(world.services.grants, 'findActive').mockImplementationOnce(async (origin, now) => {
      const grant = await findActive(origin, now);
      await slow.opened;
      return grant;
    });
    const outcome = outcomeOf(world.dispatch({ method: 'atsign_getGrant' }, pageCaller(GRANTED_B)));
    await vi.advanceTimersByTimeAsync(6_000);
    expect(await outcome).toEqual({ hung: true });
    world.clock.now = T0; // as the property's `finally` does

    // The next run, at the very moment the grant ends, asks nothing of that site.
    let restored = false;
    const nextRun = world.restore().then(() => {
      restored = true;
      world.clock.now = expiry;
    });
    await turns(100);
    expect(restored, 'restore waits for the request left running').toBe(false);
    slow.open(); // the slow request goes on: it sweeps, at whatever the clock says
    await nextRun;

    // The run asks about another site, as the model expects; the grant that ends now is kept.
    const model = world.model();
    model.now = expiry;
    const reply = await world.dispatch({ method: 'atsign_getGrant' }, pageCaller(GRANTED_A));
    expect({ reply }).toEqual(model.expect('atsign_getGrant', undefined, GRANTED_A));
    await turns(100);
    await world.expectGrantsAsModelled(model);
    expect((await world.db.grants.toArray()).map((g: Grant) => g.origin)).toContain(GRANTED_B);
  });

  it('that never answers fails the next run, rather than leaving it waiting', async () => {
    fakeTimers();
    const never = gate();
    const outcome = outcomeOf(never.opened);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(await outcome).toEqual({ hung: true });
    const failed = expect(drainAbandoned()).rejects.toThrow(/still unanswered/);
    await vi.advanceTimersByTimeAsync(30_000);
    await failed;
    never.open(); // (so no later test waits for it)
    await drainAbandoned();
  });
});
