// How long a link waits before it tries again, against scripted atServers and
// a clock the test moves by hand. An atServer that takes the wallet's keys and
// then hangs up at once must not have the wallet sign in again every second.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AtAddress } from '@/src/atplatform';
import { AtServerLinks, STAYED_UP_MS, type LinksDeps } from '@/src/background/atplatform/links';
import type { AtKeys } from '@/src/keys';
import type { AtServerStatus } from '@/src/shared/atserver-status';
import { scriptedServer, type FakeTransport } from '../atplatform/support/fake-transport';
import { ALICE, ALICE_FILE, readFixture } from '../atplatform/support/fixtures';

const ADDRESS: AtAddress = { host: 'alice.atserver.example', port: 6464 };
const CHALLENGE = `_0f4c2a9e-1b7d-4e3a-8c5f-6d2e9b1a7c30${ALICE}:5a1e7c3b-9d2f-4b6a-8e0c-1f3d5b7a9c2e`;
let alice: AtKeys;

beforeAll(async () => {
  alice = await readFixture(ALICE_FILE);
});

/** Lets the link's promises run; no timer of the link's own is involved. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Signing in takes real time (WebCrypto signs the challenge), so the test waits for what the person would see. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 5 });

/** A clock and timers the test moves forward itself. */
function handClock() {
  let now = 0;
  const timers: Array<{ at: number; task: () => void; cancelled: boolean }> = [];
  return {
    now: () => now,
    later(task: () => void, ms: number) {
      const timer = { at: now + ms, task, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    /** Moves the clock forward by `ms`, running each timer that falls due on the way, in order. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        due.cancelled = true;
        now = due.at;
        due.task();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}

/** Alice's atServer as a script: it takes her PKAM signature, answers noop, and hangs up when told. */
function aliceServer() {
  let signedIn = false;
  const transport: FakeTransport = scriptedServer(
    (line) => {
      if (line === `from:${ALICE}`) return `data:${CHALLENGE}`;
      if (line.startsWith('pkam:')) {
        signedIn = true;
        return 'data:success';
      }
      if (line.startsWith('noop:')) return 'data:ok';
      return undefined;
    },
    () => (signedIn ? `${ALICE}@` : '@'),
  );
  return transport;
}

/** Links to Alice's scripted atServer(s): each connection gets a new one from `serve`. */
function links(serve: (transport: FakeTransport, attempt: number) => void) {
  const clock = handClock();
  const seen: AtServerStatus[] = [];
  const servers: FakeTransport[] = [];
  const deps: LinksDeps = {
    locate: () => Promise.resolve(ADDRESS),
    connect: () => {
      const transport = aliceServer();
      servers.push(transport);
      serve(transport, servers.length);
      return Promise.resolve(transport);
    },
    credentials: () => Promise.resolve({ pkamPrivateKey: alice.pkamPrivateKey }),
    whenOnline: () => Promise.resolve(),
    now: clock.now,
    later: clock.later,
    onStatus: (_atSign, status) => seen.push(status),
  };
  const made = new AtServerLinks(deps);
  /** How long the link says it will wait before its next attempt; it must be offline. */
  const wait = () => {
    const status = made.status(ALICE);
    if (status.state !== 'offline') throw new Error(`expected the link offline, it is ${status.state}`);
    return status.retryAt - clock.now();
  };
  return { made, clock, seen, servers, wait };
}

/** Hangs up just after the atServer said yes to the wallet's PKAM signature. */
const hangUpAfterSignIn = (transport: FakeTransport) => {
  const answer = transport.onCommand;
  transport.onCommand = (line) => {
    answer?.(line);
    if (line.startsWith('pkam:')) queueMicrotask(() => transport.hangUp());
  };
};

const offline = (made: AtServerLinks) => until(() => expect(made.status(ALICE).state).toBe('offline'));
const online = (made: AtServerLinks) => until(() => expect(made.status(ALICE).state).toBe('online'));

/** Waits out `count` drops in a row, each for as long as the link says; those waits, in order. */
async function waitOutDrops(count: number, { made, clock, wait }: Pick<ReturnType<typeof links>, 'made' | 'clock' | 'wait'>) {
  const waits: number[] = [];
  for (let i = 0; i < count; i++) {
    await offline(made);
    waits.push(wait());
    await clock.advance(waits[i] ?? 0);
  }
  return waits;
}

describe('waits after a link drops', () => {
  it('keep growing when the atServer takes the keys and then hangs up at once', async () => {
    const { made, clock, seen, servers, wait } = links(hangUpAfterSignIn);
    made.sync([ALICE]);
    const waits = await waitOutDrops(6, { made, clock, wait });
    await offline(made);
    made.stopAll();
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
    // Each attempt did sign in: it is the drop after it that was waited out.
    expect(servers.length).toBe(7);
    expect(seen.filter((s) => s.state === 'online').length).toBe(7);
    expect(made.status(ALICE)).toEqual({ state: 'locked' });
  });

  it('keep growing when a link stays up for a short while only, answering keep-alives', async () => {
    const { made, clock, servers, wait } = links(() => undefined);
    made.sync([ALICE]);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await online(made);
      // Up long enough for a keep-alive or two, but not long enough to count as steady.
      await clock.advance(STAYED_UP_MS - 1000);
      expect(made.status(ALICE).state).toBe('online');
      servers.at(-1)?.hangUp();
      await offline(made);
      waits.push(wait());
      await clock.advance(waits[i] ?? 0);
    }
    await online(made);
    made.stopAll();
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(servers[0]?.sent.some((text) => text.startsWith('noop:'))).toBe(true);
  });

  it('start again at the first short wait once a link stayed up past the threshold and then dropped', async () => {
    // The first three connections drop right after sign-in; the fourth stays up.
    const { made, clock, servers, wait } = links((transport, attempt) => {
      if (attempt <= 3) hangUpAfterSignIn(transport);
    });
    made.sync([ALICE]);
    expect(await waitOutDrops(3, { made, clock, wait })).toEqual([1000, 2000, 4000]);
    await online(made);
    await clock.advance(STAYED_UP_MS);
    expect(made.status(ALICE).state).toBe('online');
    servers.at(-1)?.hangUp();
    await offline(made);
    expect(made.status(ALICE)).toMatchObject({ problem: 'unreachable', message: `The connection to ${ALICE}’s atServer dropped.` });
    expect(wait()).toBe(1000);
    await clock.advance(1000);
    await online(made);
    // Should the new link drop at once, and again, the waits grow again from the first.
    servers.at(-1)?.hangUp();
    await offline(made);
    expect(wait()).toBe(1000);
    await clock.advance(1000);
    await online(made);
    servers.at(-1)?.hangUp();
    await offline(made);
    expect(wait()).toBe(2000);
    made.stopAll();
  });
});

describe('a link held closed while its atSign is removed', () => {
  it('closes at once, stays closed whatever the list of atSigns says, and opens again once released', async () => {
    const { made, servers } = links(() => undefined);
    made.sync([ALICE]);
    await online(made);
    made.hold(ALICE);
    expect(made.status(ALICE)).toEqual({ state: 'locked' });
    expect(servers[0]?.closedByClient).toBe(true);
    // The atSign is still listed while it is removed: a refresh meanwhile opens nothing.
    made.sync([ALICE]);
    await settle();
    expect(made.status(ALICE)).toEqual({ state: 'locked' });
    expect(servers).toHaveLength(1);
    made.release(ALICE);
    made.sync([ALICE]);
    await online(made);
    expect(servers).toHaveLength(2);
    made.stopAll();
  });
});
