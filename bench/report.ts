// The bench run's reporter (main process): gathers what each bench test
// measured, writes bench/results.json, prints the table and, with
// BENCH_CHECK=1 (npm run bench -- --check), fails the run on a broken budget.
//
// scripts/bench.mjs names a file in BENCH_ATTEMPTS_FILE: there this reporter
// keeps what the runs so far gave, and which bench files could not take their
// figures and must run again (lib/attempts.ts). Only the last run writes
// results.json and says whether the bench passed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';
import { PBKDF2_ITERATIONS } from '@/src/background/vault/sealing';
import { brokenBudgets } from './check';
import { FIGURES, type Results } from './figures';
import { afterRun, ATTEMPTS, reasonOf, type Attempts, type Outcome } from './lib/attempts';
import type { Measured } from './lib/record';
import { table } from './table';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

/** What each test of a bench file gave; a test skipped because a hook failed took nothing either. */
function outcomesOf(module: TestModule): Outcome[] {
  const file = module.relativeModuleId;
  const [moduleError] = module.errors();
  const tests = [...module.children.allTests()];
  if (tests.length === 0) return moduleError ? [{ file, test: '(the file)', error: reasonOf(moduleError) }] : [];
  return tests.flatMap((test): Outcome[] => {
    const result = test.result();
    if (result.state === 'passed') return [{ file, test: test.fullName, measured: test.meta().bench }];
    if (result.state === 'failed') return [{ file, test: test.fullName, error: reasonOf(result.errors[0]) }];
    return moduleError ? [{ file, test: test.fullName, error: reasonOf(moduleError) }] : [];
  });
}

/** What scripts/bench.mjs reads after each run. */
export interface RunState extends Attempts {
  rerun: string[];
  /** Set by the last run: whether the bench passed. */
  ok?: boolean;
}

function assemble(measured: Measured[], load: number[]): Results {
  const figures = Object.assign({}, ...measured.map((m) => m.figures));
  // The named figures first, in the table's order; pending ones are simply absent.
  const ordered = Object.fromEntries(FIGURES.filter((f) => f.key in figures).map((f) => [f.key, figures[f.key]]));
  return {
    ...ordered,
    ...figures,
    spread: Object.assign({}, ...measured.map((m) => m.spread)),
    context: Object.assign(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpu: cpus()[0]?.model,
        cores: cpus().length,
        // 1-minute load averages at the start and the end: timings from a busy machine are inflated.
        load_average: load.map((x) => Math.round(x * 100) / 100),
        pbkdf2_iterations: PBKDF2_ITERATIONS,
      },
      ...measured.map((m) => m.context),
    ),
  };
}

export default class BenchReporter implements Reporter {
  private loadAtStart = 0;

  onInit(): void {
    this.loadAtStart = loadavg()[0]!;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const stateFile = process.env.BENCH_ATTEMPTS_FILE;
    const previous = stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as RunState) : undefined;
    // Run by hand (no state file), nothing could run the failed files again.
    const next = afterRun(previous, testModules.flatMap(outcomesOf), stateFile ? ATTEMPTS : 1, reason === 'interrupted');
    const save = (state: RunState) => stateFile && writeFileSync(stateFile, JSON.stringify(state));
    if (next.rerun.length) {
      console.warn(`\n${next.notices.join('\n')}`);
      save({ ...next.attempts, rerun: next.rerun });
      return;
    }

    const load = [this.loadAtStart, loadavg()[0]!];
    const results = assemble(Object.values(next.attempts.taken), load);
    // Figures taken only after a failed run: the record says so, and why.
    if (Object.keys(next.attempts.failures).length) results.context.bench_retries = next.attempts.failures;
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${table(results)}\n\nWritten to bench/results.json.`);
    if (next.notices.length) console.error(next.notices.join('\n'));
    // At the start, before any browser of ours: a machine already busy inflates every time.
    if (this.loadAtStart > cpus().length)
      console.warn(`The machine was busy before the bench began (load ${this.loadAtStart.toFixed(1)} on ${cpus().length} cores): the times are inflated.`);
    let ok = next.attempts.missing.length === 0 && unhandledErrors.length === 0 && reason !== 'interrupted';
    if (process.env.BENCH_CHECK === '1') {
      const broken = brokenBudgets(results);
      if (broken.length === 0) {
        console.log('Every budget holds.');
      } else {
        console.error(`Budgets broken:\n${broken.map((line) => `  - ${line}`).join('\n')}`);
        ok = false;
      }
    }
    if (!ok) process.exitCode = 1;
    save({ ...next.attempts, rerun: [], ok });
  }
}
