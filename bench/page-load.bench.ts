// What the wallet costs every page a person opens: DOMContentLoaded on a plain
// local page with the wallet vs. in the same kind of Chromium with no
// extension, loaded in turn, many times. The figure is the median of the
// per-pair differences; nothing is clamped, the spread says how noisy it was.
//
// A third Chromium holds only the bench's echo extension: one content script
// that does nothing at load. What it costs is the floor — what the browser
// charges any extension with a content script on every page — so the table
// can tell the wallet's own cost from the browser's.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, it } from 'vitest';
import type { WalletBrowser } from '../tests/e2e/harness';
import { domContentLoadedMs, walletAnnounced } from './lib/page-scripts';
import { launchBenchChromium, launchBenchWallet, loadable, type BenchChromium, type LoadablePage } from './lib/chromium';
import { record } from './lib/record';
import { startBenchSite, type BenchSite } from './lib/site';
import { median, round, spreadOf } from './lib/stats';

// One load varies by ~±15 ms on a shared machine while the effect is a few
// ms: the median of 600 pairs pins it to about ±1 ms (95%), in ~3 minutes.
const WARMUP_ROUNDS = 10;
const ROUNDS = 600;
const ECHO_DIR = fileURLToPath(new URL('./echo-extension', import.meta.url));

let site: BenchSite;
let wallet: WalletBrowser;
let plain: BenchChromium;
let floor: BenchChromium;

beforeAll(async () => {
  site = await startBenchSite();
  [wallet, plain, floor] = await Promise.all([launchBenchWallet(), launchBenchChromium(), launchBenchChromium([ECHO_DIR])]);
});
afterAll(async () => {
  await Promise.all([wallet?.close(), plain?.close(), floor?.close()]);
  await site?.close();
});

it('measures the page-load overhead', async ({ task }) => {
  // The wallet opens its onboarding tab on install; a person closes it, and
  // the browsers compared should differ only by the extension.
  await (await wallet.waitForExtensionPage('/onboarding.html')).close();
  const withWallet = await wallet.newPage(site.url('/'));
  const without = loadable(await plain.context.newPage());
  const withFloor = loadable(await floor.context.newPage());
  await Promise.all([without.goto(site.url('/')), withFloor.goto(site.url('/'))]);
  // A difference of nothing would mean nothing if the wallet were not there.
  if (!(await withWallet.evaluate(walletAnnounced, 2_000))) throw new Error('the wallet did not announce itself');
  if (await without.evaluate(walletAnnounced, 200)) throw new Error('the plain browser has a wallet');

  const load = async (page: LoadablePage, i: number) => {
    await page.goto(site.url(`/?load=${i}`));
    return page.evaluate(domContentLoadedMs, undefined);
  };
  const pages = [withWallet, without, withFloor] as const;
  const times = pages.map(() => [] as number[]);
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    // Take turns at going first, so none always loads on a just-busy machine.
    const order = [0, 1, 2].map((k) => (k + i) % 3);
    const taken = new Map<number, number>();
    for (const k of order) taken.set(k, await load(pages[k]!, i));
    if (i >= WARMUP_ROUNDS) pages.forEach((_, k) => times[k]!.push(taken.get(k)!));
  }
  const [w, wo, f] = times as [number[], number[], number[]];
  const overhead = w.map((t, i) => t - wo[i]!);
  const floorCost = f.map((t, i) => t - wo[i]!);
  record(task, {
    figures: { page_load_overhead_ms: round(median(overhead)), page_load_floor_ms: round(median(floorCost)) },
    spread: { page_load_overhead_ms: spreadOf(overhead), page_load_floor_ms: spreadOf(floorCost) },
    context: {
      page_load_pairs: ROUNDS,
      page_load_dcl_ms: { with_wallet: round(median(w)), without: round(median(wo)), with_floor: round(median(f)) },
    },
  });
});
