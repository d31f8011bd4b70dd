// What the wallet costs every page a person opens: DOMContentLoaded on a plain
// local page with the wallet vs. in the same Chromium with no extension,
// loaded in turn, many times. The figure is the median of the per-pair
// differences; nothing is clamped, the spread says how noisy it was.
import { afterAll, beforeAll, it } from 'vitest';
import { launchWallet, type WalletBrowser } from '../tests/e2e/harness';
import { domContentLoadedMs, walletAnnounced } from './lib/page-scripts';
import { launchBenchChromium, loadable, type BenchChromium, type LoadablePage } from './lib/chromium';
import { record } from './lib/record';
import { startBenchSite, type BenchSite } from './lib/site';
import { median, round, spreadOf } from './lib/stats';

const WARMUP_PAIRS = 20;
const PAIRS = 300;

let site: BenchSite;
let wallet: WalletBrowser;
let plain: BenchChromium;

beforeAll(async () => {
  site = await startBenchSite();
  [wallet, plain] = await Promise.all([launchWallet('chromium'), launchBenchChromium()]);
});
afterAll(async () => {
  await Promise.all([wallet?.close(), plain?.close()]);
  await site?.close();
});

it('measures the page-load overhead', async ({ task }) => {
  const withWallet = await wallet.newPage(site.url('/'));
  const without = loadable(await plain.context.newPage());
  await without.goto(site.url('/'));
  // A difference of nothing would mean nothing if the wallet were not there.
  if (!(await withWallet.evaluate(walletAnnounced, 2_000))) throw new Error('the wallet did not announce itself');
  if (await without.evaluate(walletAnnounced, 200)) throw new Error('the plain browser has a wallet');

  const load = async (page: LoadablePage, i: number) => {
    await page.goto(site.url(`/?load=${i}`));
    return page.evaluate(domContentLoadedMs, undefined);
  };
  const times = { with: [] as number[], without: [] as number[] };
  const differences: number[] = [];
  for (let i = 0; i < WARMUP_PAIRS + PAIRS; i++) {
    // Alternate which goes first, so neither always loads on a just-busy machine.
    const pair = new Map<LoadablePage, number>();
    for (const page of i % 2 ? [without, withWallet] : [withWallet, without]) pair.set(page, await load(page, i));
    if (i < WARMUP_PAIRS) continue;
    const [w, wo] = [pair.get(withWallet)!, pair.get(without)!];
    times.with.push(w);
    times.without.push(wo);
    differences.push(w - wo);
  }
  record(task, {
    figures: { page_load_overhead_ms: round(median(differences)) },
    spread: { page_load_overhead_ms: spreadOf(differences) },
    context: {
      page_load_pairs: PAIRS,
      page_load_dcl_ms: { with_wallet: round(median(times.with)), without: round(median(times.without)) },
    },
  });
});
