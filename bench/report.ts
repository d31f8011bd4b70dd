// The bench run's reporter (main process): gathers what each bench test
// measured, writes bench/results.json, prints the table and, with
// BENCH_CHECK=1 (npm run bench -- --check), fails the run on a broken budget.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';
import { PBKDF2_ITERATIONS } from '@/src/background/vault/sealing';
import { brokenBudgets } from './check';
import { FIGURES, type Results } from './figures';
import type { Measured } from './lib/record';
import { table } from './table';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

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

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const measured = testModules.flatMap((m) => [...m.children.allTests()].map((test) => test.meta().bench));
    const load = [this.loadAtStart, loadavg()[0]!];
    const results = assemble(measured.filter((m): m is Measured => m !== undefined), load);
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${table(results)}\n\nWritten to bench/results.json.`);
    // At the start, before any browser of ours: a machine already busy inflates every time.
    if (this.loadAtStart > cpus().length)
      console.warn(`The machine was busy before the bench began (load ${this.loadAtStart.toFixed(1)} on ${cpus().length} cores): the times are inflated.`);
    if (process.env.BENCH_CHECK !== '1') return;
    const broken = brokenBudgets(results);
    if (broken.length === 0) {
      console.log('Every budget holds.');
      return;
    }
    console.error(`Budgets broken:\n${broken.map((line) => `  - ${line}`).join('\n')}`);
    process.exitCode = 1;
  }
}
