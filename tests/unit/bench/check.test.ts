// What `npm run bench -- --check` calls broken: a figure over its budget, or
// one with a budget that was never taken.
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../../bench/budgets';
import { brokenBudgets } from '../../../bench/check';
import type { Results } from '../../../bench/figures';

/** Every budgeted figure exactly at its budget, timed at the real PBKDF2 cost. */
const atBudget = (): Results => ({ ...BUDGETS, spread: {}, context: { pbkdf2_iterations_used: 600_000 } });

describe('the budget check', () => {
  it('passes figures at their budgets, a p50 counting for a figure with percentiles', () => {
    expect(brokenBudgets({ ...atBudget(), signin_kept_vs_floor_p50: { p50: 3, p95: 9 } } as Results)).toEqual([]);
  });

  it('holds a kept sign-in to 3× the port floor', () => {
    expect(BUDGETS.signin_kept_vs_floor_p50).toBe(3);
    const broken = brokenBudgets({ ...atBudget(), signin_kept_vs_floor_p50: 3.2 });
    expect(broken).toEqual(['signin_kept_vs_floor_p50 = 3.2, over its budget of 3']);
  });

  it('calls a budgeted figure that was not taken broken', () => {
    const results = atBudget();
    delete results.signin_kept_vs_floor_p50;
    expect(brokenBudgets(results)).toEqual(['signin_kept_vs_floor_p50 was not measured']);
  });
});
