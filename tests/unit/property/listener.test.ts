// Property tests through the background's one runtime.onMessage listener
// (startBackground): any message from any sender. A message that is not ours
// is left to other listeners; a sender that is neither the wallet's own page
// nor a content script in an http(s) tab gets 4100 and nothing else; the
// caller is who the browser says, never what the message claims; a page's
// request is answered as the dispatcher's model says; nothing stored changes
// beyond that, and only pages that really called are remembered for events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ErrorCode } from '@/src/shared/errors';
import { envelopeArb, isUiMethod, senderArb } from './arbitraries';
import {
  codeOf,
  expectAsModelled,
  expectContractReply,
  expectNoPollution,
  fcOptions,
  outcomeOf,
  PAGE_ORIGINS,
  replyOf,
  settle,
  TEST_TIMEOUT,
  trigger,
  walletWorld,
  watchForStrayErrors,
} from './world';

// Pages of the granted origins call more often, so reads under a grant are common.
const senders = senderArb([...PAGE_ORIGINS, PAGE_ORIGINS[0], PAGE_ORIGINS[1]]);

/** Everything but a ui page calling a ui method (which may change the wallet: see ui-requests.test.ts). */
const callArb = fc
  .tuple(envelopeArb, senders)
  .filter(([envelope, sender]) => !(sender.value.kind === 'ui' && envelope.ours && isUiMethod(envelope.request?.method)));

describe('runtime.onMessage, for any message from any sender', () => {
  it('answers as the contract says, and changes nothing but what the page asked for', async () => {
    const world = await walletWorld({ listener: true });
    const watch = watchForStrayErrors();
    await world.baseline();
    watch.check();
    /** Origins a page really sent one of our messages from. */
    const called = new Set<string>();

    await fc.assert(
      fc.asyncProperty(fc.array(callArb, { minLength: 1, maxLength: 4 }), async (calls) => {
        await world.restore();
        const model = world.model();
        let connects = 0;
        for (const [envelope, { value: from }] of calls) {
          const answers = replyOf(await outcomeOf(trigger(envelope.value, from.sender)));
          expect(answers).toHaveLength(1);
          const [answer] = answers;

          if (!envelope.ours) {
            expect(answer, 'a message that is not ours is left to other listeners').toBeUndefined();
            continue;
          }
          expectContractReply(answer, from.kind === 'ui' ? 'ui' : 'page');
          if (from.kind === 'nobody') {
            expect(codeOf(answer), 'an unknown sender').toBe(ErrorCode.Unauthorized);
            continue;
          }
          if (from.kind === 'page') called.add(from.origin!);
          if (envelope.subscribe) {
            expect(answer).toEqual({ ok: true, result: null });
            continue;
          }
          const { method, params } = envelope.request!;
          if (from.kind === 'ui') {
            // The wallet's own pages have no origin: page methods are not theirs.
            const bad = typeof method !== 'string' || method.length === 0;
            expect(codeOf(answer)).toBe(bad ? ErrorCode.InvalidRequest : ErrorCode.UnsupportedMethod);
            continue;
          }
          const expected = model.expect(method, params, from.origin!);
          expectAsModelled(answer, expected);
          // The rejected request's window closes before the next message (see approval-windows.test.ts).
          if (codeOf(answer) === ErrorCode.UserRejected) {
            connects += 1;
            await settle(2);
          }
        }

        // frames.remember runs beside the request; let it (and closed approval windows) finish.
        await settle(connects ? 3 : 1);
        const frames = ((await fakeBrowser.storage.session.get('frames')).frames ?? {}) as Record<string, unknown>;
        for (const origin of Object.keys(frames)) expect(called, `frames remembered for ${origin}`).toContain(origin);
        await world.approvals.expectOneWindowEachAllClosed();
        await world.expectUnchangedSinceBaseline(model, ['frames']);
        expectNoPollution();
        watch.check();
      }),
      fcOptions(400),
    );
  }, TEST_TIMEOUT);
});
