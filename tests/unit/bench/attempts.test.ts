// npm run bench -- --check must not fail because a figure could not be taken
// once (issue #17): the bench file runs again, a few times, with the reason
// said; only then is the figure missing. A figure taken is a result, over its
// budget or not, and is never taken again.
import { describe, expect, it } from 'vitest';
import { afterRun, ATTEMPTS, reasonOf, type Outcome } from '../../../bench/lib/attempts';

const COLD = 'bench/sw-cold.bench.ts';
const VAULT = 'bench/vault.bench.ts';
const STUCK = 'service workers did not stop: running';

const passed = (file: string, test: string, figures: Record<string, number>): Outcome => ({ file, test, measured: { figures } });
const failed = (file: string, test: string, error = STUCK): Outcome => ({ file, test, error });

describe('after a run', () => {
  it('when everything was taken: nothing runs again and there is nothing to say', () => {
    const { attempts, rerun, notices } = afterRun(undefined, [
      passed(COLD, 'cold start', { sw_cold_roundtrip_ms: 40 }),
      passed(VAULT, 'unlock', { unlock_ms: 700 }),
    ]);
    expect(rerun).toEqual([]);
    expect(notices).toEqual([]);
    expect(attempts).toEqual({
      attempt: 1,
      taken: {
        [`${COLD} › cold start`]: { figures: { sw_cold_roundtrip_ms: 40 } },
        [`${VAULT} › unlock`]: { figures: { unlock_ms: 700 } },
      },
      failures: {},
      missing: [],
    });
  });

  it('runs again only the file that could not take its figures, saying why', () => {
    const { attempts, rerun, notices } = afterRun(undefined, [failed(COLD, 'cold start'), passed(VAULT, 'unlock', { unlock_ms: 700 })]);
    expect(rerun).toEqual([COLD]);
    expect(attempts.missing).toEqual([`${COLD} › cold start`]);
    expect(notices).toEqual([
      `${COLD} › cold start: could not be taken (run 1 of ${ATTEMPTS}): ${STUCK}`,
      `Running ${COLD} again.`,
    ]);
  });

  it('names a file once, however many of its tests failed', () => {
    const { rerun } = afterRun(undefined, [failed(VAULT, 'unlock'), failed(VAULT, 'create')]);
    expect(rerun).toEqual([VAULT]);
  });

  it('keeps what the failed run took from other files, and adds the figure once a later run takes it', () => {
    const first = afterRun(undefined, [failed(COLD, 'cold start'), passed(VAULT, 'unlock', { unlock_ms: 700 })]);
    const second = afterRun(first.attempts, [passed(COLD, 'cold start', { sw_cold_roundtrip_ms: 41 })]);
    expect(second.rerun).toEqual([]);
    expect(second.notices).toEqual([]);
    expect(second.attempts.missing).toEqual([]);
    expect(second.attempts.taken).toEqual({
      [`${VAULT} › unlock`]: { figures: { unlock_ms: 700 } },
      [`${COLD} › cold start`]: { figures: { sw_cold_roundtrip_ms: 41 } },
    });
    // For the record: it was taken, after a failed run.
    expect(second.attempts.failures).toEqual({ [`${COLD} › cold start`]: [STUCK] });
  });

  it(`reports a figure missing, with every reason, after ${ATTEMPTS} runs — and not before`, () => {
    let state = afterRun(undefined, [failed(COLD, 'cold start', 'first')]);
    for (let run = 2; run < ATTEMPTS; run++) {
      state = afterRun(state.attempts, [failed(COLD, 'cold start', `then ${run}`)]);
      expect(state.rerun).toEqual([COLD]);
    }
    const last = afterRun(state.attempts, [failed(COLD, 'cold start', 'last')]);
    expect(last.rerun).toEqual([]);
    expect(last.attempts.attempt).toBe(ATTEMPTS);
    expect(last.attempts.missing).toEqual([`${COLD} › cold start`]);
    const reasons = ['first', ...Array.from({ length: ATTEMPTS - 2 }, (_, i) => `then ${i + 2}`), 'last'];
    expect(last.notices).toEqual([`${COLD} › cold start: not taken in ${ATTEMPTS} runs: ${reasons.join(' / ')}`]);
  });

  it('never takes a figure again: one over its budget stays, even when its file runs again for another test', () => {
    // Unlock took far too long (a real result); creating an atSign could not be taken.
    const first = afterRun(undefined, [passed(VAULT, 'unlock', { unlock_ms: 9_000 }), failed(VAULT, 'create')]);
    expect(first.rerun).toEqual([VAULT]);
    const second = afterRun(first.attempts, [passed(VAULT, 'unlock', { unlock_ms: 600 }), passed(VAULT, 'create', { create_atsign_ms: 3_000 })]);
    expect(second.attempts.taken[`${VAULT} › unlock`]).toEqual({ figures: { unlock_ms: 9_000 } });
    expect(second.attempts.taken[`${VAULT} › create`]).toEqual({ figures: { create_atsign_ms: 3_000 } });
    // And a test taken before that fails on the rerun is not missing: its figure is there.
    const third = afterRun(first.attempts, [failed(VAULT, 'unlock'), passed(VAULT, 'create', { create_atsign_ms: 3_000 })]);
    expect(third.rerun).toEqual([]);
    expect(third.attempts.missing).toEqual([]);
  });

  it('does not count a file that failed to load once and then ran, as missing', () => {
    const first = afterRun(undefined, [failed(COLD, '(the file)', 'Cannot find module')]);
    expect(first.rerun).toEqual([COLD]);
    const second = afterRun(first.attempts, [passed(COLD, 'cold start', { sw_cold_roundtrip_ms: 40 })]);
    expect(second.attempts.missing).toEqual([]);
    expect(second.rerun).toEqual([]);
  });

  it('runs nothing again when there is no one to run it (vitest by hand), or the person stopped the run', () => {
    for (const next of [afterRun(undefined, [failed(COLD, 'cold start')], 1), afterRun(undefined, [failed(COLD, 'cold start')], ATTEMPTS, true)]) {
      expect(next.rerun).toEqual([]);
      expect(next.attempts.missing).toEqual([`${COLD} › cold start`]);
      expect(next.notices).toEqual([`${COLD} › cold start: not taken in 1 run: ${STUCK}`]);
    }
  });

  it('does not change what an earlier run gave', () => {
    const first = afterRun(undefined, [failed(COLD, 'cold start')]);
    const before = structuredClone(first.attempts);
    afterRun(first.attempts, [failed(COLD, 'cold start', 'again')]);
    expect(first.attempts).toEqual(before);
  });
});

describe('the reason given', () => {
  it('is the first line of the message', () => {
    expect(reasonOf({ name: 'Error', message: `${STUCK}\n    at stopAll (service-workers.ts:31)` })).toBe(STUCK);
  });

  it('falls back on the error’s name, or says there was none', () => {
    expect(reasonOf({ name: 'TimeoutError', message: '' })).toBe('TimeoutError');
    expect(reasonOf(undefined)).toBe('failed, with no message');
  });
});
