// The approval window's answers count only once the person has seen it: the
// window visible and focused, without a break, for the delay.
import { describe, expect, it } from 'vitest';
import { INPUT_DELAY_MS, observe, UNSEEN, untilReady, type Attention } from '@/src/ui/approve/input-guard';

const SEEN: Attention = { visible: true, focused: true };

/** The state after a run of observations, each [attention, time]. */
const after = (steps: Array<[Attention, number]>) => steps.reduce((state, [attention, now]) => observe(state, attention, now), UNSEEN);

describe('the input guard', () => {
  it('keeps answers inert while the window is hidden or not focused, however long', () => {
    for (const attention of [
      { visible: false, focused: true },
      { visible: true, focused: false },
      { visible: false, focused: false },
    ]) {
      expect(untilReady(after([[attention, 0]]), 60_000)).toBeNull();
    }
  });

  it('counts the delay from the moment the window is seen, and not a moment less', () => {
    const state = after([[SEEN, 1_000]]);
    expect(untilReady(state, 1_000)).toBe(INPUT_DELAY_MS);
    expect(untilReady(state, 1_000 + INPUT_DELAY_MS - 1)).toBe(1);
    expect(untilReady(state, 1_000 + INPUT_DELAY_MS)).toBe(0);
  });

  it('is not reset by seeing the window again without a break', () => {
    const state = after([
      [SEEN, 0],
      [SEEN, 500],
    ]);
    expect(untilReady(state, INPUT_DELAY_MS)).toBe(0);
  });

  it('starts over after the window loses focus or is hidden, even once it was ready', () => {
    for (const lost of [
      { visible: true, focused: false },
      { visible: false, focused: true },
    ]) {
      const state = after([
        [SEEN, 0],
        [lost, 5_000],
        [SEEN, 6_000],
      ]);
      expect(untilReady(state, 6_000 + INPUT_DELAY_MS - 1)).toBe(1);
      expect(untilReady(state, 6_000 + INPUT_DELAY_MS)).toBe(0);
    }
  });

  it('waits between half a second and a second, as browsers’ own prompts do', () => {
    expect(INPUT_DELAY_MS).toBeGreaterThanOrEqual(500);
    expect(INPUT_DELAY_MS).toBeLessThanOrEqual(1_000);
  });
});
