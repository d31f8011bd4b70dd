// `npm run bench -- --check`: which budgets the figures break.
import { PBKDF2_ITERATIONS } from '@/src/background/vault/sealing';
import { BUDGETS, MIN_PBKDF2_ITERATIONS } from './budgets';
import { FIGURES, headline, type Figure, type Results } from './figures';

const PENDING = new Set(FIGURES.filter((f) => f.pending).map((f) => f.key));

/** Every budget broken, in words; empty when all hold. A figure not yet measurable is skipped. */
export function brokenBudgets(results: Results): string[] {
  const broken: string[] = [];
  for (const [key, max] of Object.entries(BUDGETS)) {
    const figure = results[key] as Figure | undefined;
    if (figure === undefined) {
      if (!PENDING.has(key)) broken.push(`${key} was not measured`);
    } else if (headline(figure) > max) {
      broken.push(`${key} = ${headline(figure)}, over its budget of ${max}`);
    }
  }
  // A fast unlock proves nothing if it was bought with fewer iterations.
  if (PBKDF2_ITERATIONS < MIN_PBKDF2_ITERATIONS)
    broken.push(`PBKDF2_ITERATIONS is ${PBKDF2_ITERATIONS}, under ${MIN_PBKDF2_ITERATIONS}`);
  const used = results.context.pbkdf2_iterations_used;
  if (typeof used !== 'number' || used < MIN_PBKDF2_ITERATIONS)
    broken.push(`unlock was timed at ${String(used ?? 'unknown')} PBKDF2 iterations, under ${MIN_PBKDF2_ITERATIONS}`);
  return broken;
}
