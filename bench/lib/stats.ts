// Summaries of timed samples. Nothing is clamped or dropped: a negative
// difference is a real observation of noise, and the spread shows it.

export interface Percentiles {
  p50: number;
  p95: number;
}

/** How widely the samples behind a figure ranged. */
export interface Spread {
  n: number;
  min: number;
  p25: number;
  p75: number;
  max: number;
  /** Where the true median lies, 19 times in 20: whether a figure near its budget is really over. */
  median_ci95: [number, number];
}

/** The p-th percentile (0–100), interpolated between the nearest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const percentiles = (samples: readonly number[]): Percentiles => ({
  p50: round(percentile(samples, 50)),
  p95: round(percentile(samples, 95)),
});

/** A distribution-free 95% confidence interval of the median, from the order statistics. */
function medianCi95(samples: readonly number[]): [number, number] {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  // Ranks (from 1) n/2 ∓ 1.96·√n/2: the median's rank is binomial(n, ½).
  const z = 1.96 * Math.sqrt(n);
  const low = Math.max(1, Math.floor((n - z) / 2));
  const high = Math.min(n, Math.ceil(1 + (n + z) / 2));
  return [round(sorted[low - 1]!), round(sorted[high - 1]!)];
}

export function spreadOf(samples: readonly number[]): Spread {
  return {
    n: samples.length,
    min: round(Math.min(...samples)),
    p25: round(percentile(samples, 25)),
    p75: round(percentile(samples, 75)),
    max: round(Math.max(...samples)),
    median_ci95: medianCi95(samples),
  };
}

/** Three decimals: performance.now() is coarsened to 0.1 ms or finer, more is noise. */
export const round = (x: number) => Math.round(x * 1000) / 1000;
