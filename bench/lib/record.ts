// How a bench test hands its figures to the reporter (bench/report.ts): on
// its task's meta, which vitest carries from the worker to the main process.
// Nothing is written by the tests themselves, so a failed run leaves no
// half-stale results behind.
import type { Figure } from '../figures';
import type { Spread } from './stats';

export interface Measured {
  figures?: Record<string, Figure>;
  spread?: Record<string, Spread>;
  context?: Record<string, unknown>;
}

declare module 'vitest' {
  interface TaskMeta {
    bench?: Measured;
  }
}

interface TaskWithMeta {
  meta: { bench?: Measured };
}

export function record(task: TaskWithMeta, measured: Measured): void {
  const before = task.meta.bench ?? {};
  task.meta.bench = {
    figures: { ...before.figures, ...measured.figures },
    spread: { ...before.spread, ...measured.spread },
    context: { ...before.context, ...measured.context },
  };
}
