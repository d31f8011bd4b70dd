#!/usr/bin/env node
// npm run bench [-- --check]: builds the Chromium extension and its store zip
// (always, so the figures are never of a stale build), then runs the
// benchmarks in bench/ with vitest. bench/report.ts prints the table, writes
// bench/results.json and, with --check, makes the run fail on a broken budget.
import { spawnSync } from 'node:child_process';
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
run('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts'], {
  ...process.env,
  BENCH_CHECK: flags.includes('--check') ? '1' : '0',
});
