// Property tests: whatever a web page sends, the real dispatcher answers as
// the page API's contract (DESIGN §3, §5) says — a result for that method or
// an error with a contract code — never rejects, never pollutes a prototype,
// never asks the person about a malformed request, and changes no stored data
// beyond what the request is for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ErrorCode } from '@/src/shared/errors';
import { T0 } from '../support/grants';
import {
  DESIGN_PAGE_METHODS,
  invalidPageParams,
  type Labelled,
  labelled,
  PAGE_METHODS,
  requestArb,
  UI_METHODS,
  validParams,
} from './arbitraries';
import {
  asksThePerson,
  codeOf,
  expectAsModelled,
  expectContractReply,
  expectNoPollution,
  fcOptions,
  GRANTED_A,
  GRANTED_B,
  Model,
  outcomeOf,
  PAGE_ORIGINS,
  pageCaller,
  replyOf,
  settle,
  TEST_TIMEOUT,
  walletWorld,
  watchForStrayErrors,
  type World,
} from './world';

/** Any origin; the two with grants as often as all the others, so reads under a grant are common. */
const originArb = fc.oneof(fc.constantFrom(GRANTED_A, GRANTED_B), fc.constantFrom(...PAGE_ORIGINS));
const frameArb = fc.oneof(
  fc.constant({}),
  fc.record({ tabId: fc.integer({ min: 1, max: 9 }), frameId: fc.integer({ min: 1, max: 9 }), topOrigin: fc.constantFrom(...PAGE_ORIGINS) }),
);
const callArb = fc.record({ request: requestArb, origin: originArb, frame: frameArb });

/** The request as the relay passes it on: params left out when there are none, sometimes. */
function envelopeOf(method: Labelled, params: Labelled, omit: boolean): { method?: unknown; params?: unknown } {
  return omit && params.value === undefined ? { method: method.value } : { method: method.value, params: params.value };
}

async function lockedModel(world: World): Promise<(m: Model) => Model> {
  await world.ok('wallet_lock');
  return (model) => Object.assign(model, { locked: true });
}

describe('the method table', () => {
  it('opens to pages only methods of the page API (closed by default)', () => {
    expect(PAGE_METHODS.length).toBeGreaterThan(0);
    for (const m of PAGE_METHODS) expect(DESIGN_PAGE_METHODS).toContain(m);
    for (const m of UI_METHODS) expect(m.startsWith('atsign_'), `${m} is for the wallet's pages`).toBe(false);
  });
});

describe.each([['unlocked'], ['locked']] as const)('a page calling the dispatcher (wallet %s)', (state) => {
  it('gets the reply the contract and the model give, for any request; nothing else changes', async () => {
    const world = await walletWorld();
    const adjust = state === 'locked' ? await lockedModel(world) : (m: Model) => m;
    const watch = watchForStrayErrors();
    await world.baseline();
    watch.check();

    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(callArb, fc.boolean()), { minLength: 1, maxLength: 4 }), async (calls) => {
        await world.restore();
        const model = adjust(world.model());
        const asked = world.approvals.asked.length;
        let rejections = 0;

        for (const [{ request, origin, frame }, omit] of calls) {
          const expected = model.expect(request.method.value, request.params.value, origin);
          const outcome = await outcomeOf(world.dispatch(envelopeOf(request.method, request.params, omit), pageCaller(origin, frame)));
          const reply = replyOf(outcome);
          expectContractReply(reply, 'page');
          expectAsModelled(reply, expected);
          if (codeOf(reply) === ErrorCode.UserRejected) {
            rejections += 1;
            // Let the rejected request's window close before the next request: a connect that
            // arrives while it closes is the subject of approval-windows.test.ts.
            await settle(2);
          }
        }

        // Only a valid atsign_connect or atsign_signIn reaches the person, and each is rejected once.
        expect(world.approvals.asked.length - asked).toBe(rejections);
        await world.approvals.expectOneWindowEachAllClosed();
        await world.expectUnchangedSinceBaseline(model);
        expectNoPollution();
        watch.check();
      }),
      fcOptions(state === 'locked' ? 150 : 300),
    );
  }, TEST_TIMEOUT);
});

describe('a page method with one param wrong', () => {
  it.each([['unlocked'], ['locked']] as const)(
    'is refused with -32602 (never 4100, 4200, 4900 or -32603), before anything else happens (wallet %s)',
    async (state) => {
      const world = await walletWorld();
      if (state === 'locked') await world.ok('wallet_lock');
      const watch = watchForStrayErrors();
      await world.baseline();

      await fc.assert(
        fc.asyncProperty(invalidPageParams, fc.constantFrom(...PAGE_ORIGINS), async ({ method, params }, origin) => {
          const asked = world.approvals.asked.length;
          const reply = replyOf(await outcomeOf(world.dispatch({ method, params: params.value }, pageCaller(origin))));
          expectContractReply(reply, 'page');
          expect(codeOf(reply)).toBe(ErrorCode.InvalidParams);
          expect(world.approvals.asked.length, 'the person is not asked').toBe(asked);
          expectNoPollution();
          watch.check();
        }),
        fcOptions(state === 'locked' ? 300 : 600),
      );

      await world.expectUnchangedSinceBaseline(world.model());
    },
    TEST_TIMEOUT,
  );
});

describe('a method that is not for pages', () => {
  const notForPages = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...UI_METHODS, 'atsign_signIn', '__proto__', 'constructor', 'toString', 'hasOwnProperty') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80 }) },
  );

  it('is answered 4200 whatever its params, before the params, the lock or the person', async () => {
    const world = await walletWorld();
    const watch = watchForStrayErrors();
    await world.baseline();
    const asked = world.approvals.asked.length;

    await fc.assert(
      fc.asyncProperty(
        notForPages.filter((m) => !PAGE_METHODS.includes(m)),
        fc.oneof(requestArb.map((r) => r.params), invalidPageParams.map((m) => m.params)),
        fc.constantFrom(...PAGE_ORIGINS),
        async (method, params, origin) => {
          const reply = replyOf(await outcomeOf(world.dispatch({ method, params: params.value }, pageCaller(origin))));
          expectContractReply(reply, 'page');
          expect(codeOf(reply)).toBe(ErrorCode.UnsupportedMethod);
          // The name is echoed at most 64 characters long, and nothing says the method exists elsewhere.
          if (!reply.ok) {
            const rest = reply.error.message.replace(method.slice(0, 64), '');
            expect(rest).not.toMatch(/\bui\b|extension|wallet page|not allowed|permission/i);
          }
        },
      ),
      fcOptions(400),
    );

    expect(world.approvals.asked.length).toBe(asked);
    await world.expectUnchangedSinceBaseline(world.model());
    expectNoPollution();
    watch.check();
  }, TEST_TIMEOUT);
});

describe('page requests at the same time', () => {
  const batchArb = fc.array(
    fc.record({
      origin: fc.constantFrom(...PAGE_ORIGINS.slice(0, 4)),
      request: fc.oneof(
        { weight: 3, arbitrary: validParams.atsign_connect!.map((p) => ({ method: labelled('atsign_connect', 'atsign_connect' as unknown), params: labelled(fc.stringify(p), p) })) },
        {
          weight: 3,
          arbitrary: fc
            .constantFrom('atsign_getGrant', 'atsign_readProfile', 'atsign_disconnect', 'atsign_signIn')
            .chain((m) => validParams[m]!.map((p) => ({ method: labelled(m, m as unknown), params: labelled(fc.stringify(p), p) }))),
        },
        { weight: 2, arbitrary: requestArb },
      ),
    }),
    { minLength: 2, maxLength: 8 },
  );

  it('all get an answer; connects from one origin beyond the first get -32002; no origin stays blocked; no revoked grant is served', async () => {
    const world = await walletWorld();
    const watch = watchForStrayErrors();
    await world.baseline();

    await fc.assert(
      fc.asyncProperty(batchArb, async (batch) => {
        await world.restore();
        // Each request alone, against the state before the batch; and the state after all of them.
        const final = world.model();
        const expectations = batch.map(({ request, origin }) => {
          final.expect(request.method.value, request.params.value, origin);
          return world.model().expect(request.method.value, request.params.value, origin);
        });
        const disconnected = new Set(PAGE_ORIGINS.filter((o) => world.model().grants.has(o) && !final.grants.has(o)));

        const outcomes = await Promise.all(
          batch.map(({ request, origin }) => outcomeOf(world.dispatch({ method: request.method.value, params: request.params.value }, pageCaller(origin)))),
        );

        /** per origin, the codes the connects got */
        const connectsPerOrigin = new Map<string, number[]>();
        outcomes.forEach((outcome, i) => {
          const reply = replyOf(outcome);
          const { request, origin } = batch[i]!;
          const expected = expectations[i]!;
          expectContractReply(reply, 'page');
          if (asksThePerson(expected)) {
            expect([...('codes' in expected ? expected.codes : [4001]), -32002]).toContain(codeOf(reply));
            if (request.method.value === 'atsign_connect')
              connectsPerOrigin.set(origin, [...(connectsPerOrigin.get(origin) ?? []), codeOf(reply) as number]);
          } else if (disconnected.has(origin) && request.method.value === 'atsign_getGrant' && 'reply' in expected) {
            expect([expected.reply, { ok: true, result: null }]).toContainEqual(reply);
          } else if (disconnected.has(origin) && request.method.value === 'atsign_readProfile' && 'reply' in expected) {
            if (!reply.ok) expect(reply.error.code).toBe(4100);
            else expect(reply).toEqual(expected.reply);
          } else expectAsModelled(reply, expected);
        });
        // A connect goes to the person at once, so per origin the first one waits and the others,
        // sent while it waits, get -32002. (A sign-in looks things up first, so it may come after.)
        for (const codes of connectsPerOrigin.values()) expect(codes.filter((c) => c === 4001)).toHaveLength(1);

        await settle(2);
        final.logged = batch.length; // each request may log once at most
        await world.expectUnchangedSinceBaseline(final);

        // Nothing is left waiting: every origin may ask again and is answered by the person.
        for (const origin of new Set(batch.map((b) => b.origin))) {
          const again = replyOf(await outcomeOf(world.dispatch({ method: 'atsign_connect', params: { fields: ['name'] } }, pageCaller(origin))));
          expect(codeOf(again), `${origin} is not blocked by a request left waiting`).toBe(ErrorCode.UserRejected);
          await settle(2);
        }
        expect((await fakeBrowser.storage.session.get('approvalWindows')).approvalWindows).toEqual([]);
        await world.approvals.expectOneWindowEachAllClosed();
        // A grant revoked in the batch is never served afterwards; the others still are.
        for (const origin of PAGE_ORIGINS) {
          const grant = replyOf(await outcomeOf(world.dispatch({ method: 'atsign_getGrant' }, pageCaller(origin))));
          expect(grant, `atsign_getGrant from ${origin} after the batch`).toEqual({ ok: true, result: final.grants.get(origin) ?? null });
        }
        expectNoPollution();
        watch.check();
      }),
      fcOptions(100),
    );
  }, TEST_TIMEOUT);
});

describe('a grant whose time is up', () => {
  const validPageRequest = fc
    .constantFrom('atsign_getGrant', 'atsign_readProfile', 'atsign_disconnect', 'atsign_connect', 'atsign_signIn')
    .chain((m) => validParams[m]!.map((p) => ({ method: labelled(m, m as unknown), params: labelled(fc.stringify(p), p) })));

  it('is never served to its site, and is gone once a request looks for it', async () => {
    const world = await walletWorld();
    const watch = watchForStrayErrors();
    await world.baseline();
    const expiry = world.grants.find((g) => g.expiresAt !== null)!.expiresAt!;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(T0, expiry - 1, expiry, expiry + 1, expiry + 86_400_000),
        fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: validPageRequest }, { weight: 1, arbitrary: requestArb }), originArb), {
          minLength: 1,
          maxLength: 4,
        }),
        async (now, calls) => {
          await world.restore();
          world.clock.now = now;
          try {
            const model = world.model();
            model.now = now;
            for (const [request, origin] of calls) {
              const expected = model.expect(request.method.value, request.params.value, origin);
              const reply = replyOf(await outcomeOf(world.dispatch({ method: request.method.value, params: request.params.value }, pageCaller(origin))));
              expectContractReply(reply, 'page');
              expectAsModelled(reply, expected);
              if (codeOf(reply) === ErrorCode.UserRejected) await settle(2);
            }
            await world.expectGrantsAsModelled(model);
            expectNoPollution();
            watch.check();
          } finally {
            world.clock.now = T0;
          }
        },
      ),
      fcOptions(150),
    );
  }, TEST_TIMEOUT);
});
