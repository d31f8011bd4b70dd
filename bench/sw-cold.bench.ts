// The first page API call after the browser stopped the wallet's service
// worker, as it does after 30 s idle: what a site waits for on its first call
// of the day. The worker is stopped from the bench page itself, which stays
// open (see lib/service-workers.ts for why not restartBackground()), and the
// browser must report it stopped before each timed call.
import { afterAll, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionDir } from '../tests/e2e/harness/extension';
import { launchBenchChromium, type BenchChromium } from './lib/chromium';
import { timeRequests } from './lib/page-scripts';
import { record } from './lib/record';
import { controlWorkers, type WorkerControl } from './lib/service-workers';
import { startBenchSite, type BenchSite } from './lib/site';
import { median, round, spreadOf } from './lib/stats';

const RUNS = 9;

let site: BenchSite;
let browser: BenchChromium;
let page: Page;
let workers: WorkerControl;

beforeAll(async () => {
  site = await startBenchSite();
  browser = await launchBenchChromium([extensionDir('chromium')]);
  page = await browser.context.newPage();
  await page.goto(site.url('/'));
  workers = await controlWorkers(browser.context, page);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

// No grant is seeded here (that needs the harness's own browser): getGrant does
// the same lookup and answers null, and the worker's start is what is timed.
const getGrant = async () => (await page.evaluate(timeRequests, { method: 'atsign_getGrant', n: 1 })).times[0]!;

it('measures atsign_getGrant right after the service worker was stopped', async ({ task }) => {
  await getGrant();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Let anything that might wake the worker (a tab the browser opened on
    // install, a timer) do so now, rather than mid-measurement: stop it again
    // until it stays stopped for a quarter of a second.
    for (let attempt = 1; ; attempt++) {
      await workers.stopAll();
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (workers.allStopped()) break;
      if (attempt === 5) throw new Error('something keeps waking the service worker before the call');
    }
    cold.push(await getGrant());
    warm.push(await getGrant());
  }
  record(task, {
    figures: { sw_cold_roundtrip_ms: round(median(cold)) },
    spread: { sw_cold_roundtrip_ms: spreadOf(cold) },
    // The call right after, worker running: the cold figure minus this is the start-up.
    context: { sw_cold_runs: RUNS, sw_warm_after_cold_ms: round(median(warm)) },
  });
});
