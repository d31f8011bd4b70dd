// Figures that could not be taken are taken again. A bench file whose run
// failed (a browser that did not start, a service worker that did not stop:
// a hook or a test threw) is run again, in a new vitest run with fresh
// browsers, up to ATTEMPTS runs in all; only then is what it would have
// measured reported as missing. A figure that was taken stays as first taken,
// even when its file runs again for another test: one over its budget is a
// result, never a reason to try again.
//
// The decisions are here, as plain data in and out; bench/report.ts feeds
// them what each run gave and scripts/bench.mjs runs the files named again.
import type { Measured } from './record';

/** Runs of a bench file in all, the first included. */
export const ATTEMPTS = 3;

/** What one test of a bench file gave in one run. */
export interface Outcome {
  /** The bench file, from the project's root (as vitest's filter takes it). */
  file: string;
  test: string;
  /** Why it took nothing; absent when it passed. */
  error?: string;
  measured?: Measured;
}

/** What the runs so far gave, carried from one run to the next. */
export interface Attempts {
  /** Runs made so far. */
  attempt: number;
  /** Each test's figures from the first run it passed in, by "file › test". */
  taken: Record<string, Measured>;
  /** Why a test took nothing, one reason per failed run, by "file › test" (kept once it is taken, for the record). */
  failures: Record<string, string[]>;
  /** Tests that took nothing in the latest run. */
  missing: string[];
}

export interface AfterRun {
  attempts: Attempts;
  /** Bench files to run again; empty when this run was the last. */
  rerun: string[];
  /** What to tell the person. */
  notices: string[];
}

const idOf = (outcome: Outcome) => `${outcome.file} › ${outcome.test}`;
const fileOf = (id: string) => id.slice(0, id.indexOf(' › '));

/**
 * Folds one run's outcomes into what earlier runs gave. `maxAttempts` 1 means
 * nothing can be run again (vitest run by hand); `stopped` is a run cut short
 * by the person, which is not tried again either.
 */
export function afterRun(previous: Attempts | undefined, outcomes: Outcome[], maxAttempts = ATTEMPTS, stopped = false): AfterRun {
  const attempt = (previous?.attempt ?? 0) + 1;
  const taken = { ...previous?.taken };
  const failures = Object.fromEntries(Object.entries(previous?.failures ?? {}).map(([id, reasons]) => [id, [...reasons]]));
  const missing: string[] = [];
  for (const outcome of outcomes) {
    const id = idOf(outcome);
    if (id in taken) continue;
    if (outcome.error === undefined) {
      taken[id] = outcome.measured ?? {};
    } else {
      (failures[id] ??= []).push(outcome.error);
      missing.push(id);
    }
  }
  const again = stopped || attempt >= maxAttempts ? [] : [...new Set(missing.map(fileOf))];
  const notices = missing.map((id) =>
    again.length
      ? `${id}: could not be taken (run ${attempt} of ${maxAttempts}): ${failures[id]!.at(-1)}`
      : `${id}: not taken in ${failures[id]!.length} run${failures[id]!.length > 1 ? 's' : ''}: ${failures[id]!.join(' / ')}`,
  );
  if (again.length) notices.push(`Running ${again.join(', ')} again.`);
  return { attempts: { attempt, taken, failures, missing }, rerun: again, notices };
}

/** One line saying why: the first line of an error's message. */
export function reasonOf(error: { name?: string; message?: string } | undefined): string {
  const line = error?.message?.split('\n')[0]?.trim();
  return line || error?.name || 'failed, with no message';
}
