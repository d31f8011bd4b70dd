// How long a person waits for the popup when the wallet has been used a lot:
// 1,000 sites with access and 10,000 activity entries. The sites are stored
// as the wallet stores grants; the entries are made by real reads, so the log
// is written (and encrypted) by the wallet itself. The time is taken in the
// popup: from its navigation start to the mark it sets when the list of sites
// is first on screen.
import { afterAll, beforeAll, it } from 'vitest';
import { SITES_SHOWN_MARK } from '@/src/ui/popup/sites-section';
import { launchWallet, type WalletBrowser } from '../tests/e2e/harness';
import { grantFor, seedGrants } from '../tests/e2e/harness/seed';
import { fillPersona, walletWithAtSign } from '../tests/e2e/harness/wallet-setup';
import { timeRequests } from './lib/page-scripts';
import { record } from './lib/record';
import { startBenchSite, type BenchSite } from './lib/site';
import { median, round, spreadOf } from './lib/stats';

const SITES = 1_000;
const LOG_ENTRIES = 10_000;
const RUNS = 7;

let site: BenchSite;
let wallet: WalletBrowser;

/** How many entries the log holds, read from an extension page (the log is written after each answer). */
async function logSize(): Promise<number> {
  const page = await wallet.openExtensionPage('/popup.html');
  const count = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('atsign-wallet');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('activity').objectStore('activity').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return n;
  }, undefined);
  await page.close();
  return count;
}

beforeAll(async () => {
  site = await startBenchSite();
  wallet = await launchWallet('chromium');
  const atSign = await walletWithAtSign(wallet);
  const persona = await fillPersona(wallet, 'Public', { name: 'Barbara', email: 'barbara@example.org' });
  const on = { atSign, personaId: persona.id, fields: ['name', 'email'] };
  const others = Array.from({ length: SITES - 1 }, (_, i) => grantFor(`https://site-${String(i).padStart(4, '0')}.example`, on));
  await seedGrants(wallet, [grantFor(site.origin, on), ...others]);
  const page = await wallet.newPage(site.url('/'));
  const before = await logSize();
  await page.evaluate(timeRequests, { method: 'atsign_readProfile', params: undefined, n: LOG_ENTRIES - before });
  await page.close();
  for (let waited = 0; (await logSize()) < LOG_ENTRIES; waited++) {
    if (waited === 60) throw new Error('the activity log did not reach its size');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 300_000);
afterAll(async () => {
  await wallet?.close();
  await site?.close();
});

it('measures the popup with 1,000 sites and 10,000 log entries', async ({ task }) => {
  const times: number[] = [];
  // One run to warm the worker and the disk cache, then the timed ones.
  for (let run = 0; run <= RUNS; run++) {
    const popup = await wallet.openExtensionPage('/popup.html');
    const ms = await popup.evaluate(
      (mark) =>
        new Promise<number>((resolve, reject) => {
          const started = performance.now();
          const look = () => {
            const [entry] = performance.getEntriesByName(mark);
            if (entry) resolve(entry.startTime);
            else if (performance.now() - started > 30_000) reject(new Error('the list of sites never showed'));
            else setTimeout(look, 5);
          };
          look();
        }),
      SITES_SHOWN_MARK,
    );
    const shown = await popup.textOf('.list-count');
    if (!shown.includes(SITES.toLocaleString('en'))) throw new Error(`the popup shows "${shown}", not ${SITES} sites`);
    await popup.close();
    if (run > 0) times.push(ms);
  }
  record(task, {
    figures: { popup_render_ms_1k_10k: round(median(times)) },
    spread: { popup_render_ms_1k_10k: spreadOf(times) },
    context: { popup_sites: SITES, popup_log_entries: await logSize() },
  });
});
