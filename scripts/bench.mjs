#!/usr/bin/env node
// npm run bench [-- --check]: builds the Chromium extension and its store zip
// (always, so the figures are never of a stale build), then runs the
// benchmarks in bench/ with vitest. bench/report.ts prints the table, writes
// bench/results.json and, with --check, makes the run fail on a broken budget.
// A bench file that could not take its figures is run again, in a new vitest
// run, as bench/lib/attempts.ts decides; the reporter says which, and why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowsers, findBrowsers } from './browsers.mjs';

const flags = process.argv.slice(2);
const unknown = flags.filter((flag) => flag !== '--check');
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run bench [-- --check]`);
  process.exit(2);
}

function run(command, args, env = process.env) {
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? 1);
}

try {
  if (!findBrowsers().chromium) ensureBrowsers();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// wxt zip builds .output/chrome-mv3 first, then packs it as the store would get it.
run('npx', ['wxt', 'zip', '-b', 'chrome']);

// Where the reporter keeps what the runs so far gave, for the next run and for us.
const stateDir = mkdtempSync(join(tmpdir(), 'atsign-bench-'));
const stateFile = join(stateDir, 'attempts.json');
const env = { ...process.env, BENCH_CHECK: flags.includes('--check') ? '1' : '0', BENCH_ATTEMPTS_FILE: stateFile };
let files = []; // all of them, the first time
let code;
for (let attempt = 1; code === undefined; attempt++) {
  const { status } = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts', ...files], { stdio: 'inherit', env });
  const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : undefined;
  // The reporter did not get to the end of this run: vitest's own failure stands.
  if (state?.attempt !== attempt) code = status || 1;
  else if (state.rerun.length === 0) code = state.ok ? 0 : 1;
  else files = state.rerun;
}
rmSync(stateDir, { recursive: true, force: true });
process.exit(code);
