// The page API's speed against the fastest any extension could be: a bare
// page ⇄ content script ⇄ service worker echo (bench/echo-extension, loaded
// beside the wallet in the same Chromium — the shipped wallet has no echo).
// Both are timed inside the same page, in turns, so the ratio compares like
// with like.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, it } from 'vitest';
import type { Grant } from '@/src/shared/grant';
import type { E2EPage, WalletBrowser } from '../tests/e2e/harness';
import { grantFor, seedGrants } from '../tests/e2e/harness/seed';
import { fillPersona, walletWithAtSign } from '../tests/e2e/harness/wallet-setup';
import type { Figure } from './figures';
import { launchBenchWallet } from './lib/chromium';
import { timeEchoes, timeRequests } from './lib/page-scripts';
import { record } from './lib/record';
import { startBenchSite, type BenchSite } from './lib/site';
import { median, percentiles, round, spreadOf, type Spread } from './lib/stats';
import { RPCS } from './rpcs';

const ECHO_DIR = fileURLToPath(new URL('./echo-extension', import.meta.url));
const ECHO_TAG = 'atsign-bench-echo/1';
const WARMUP = 50;
const ROUNDS = 10;
const PER_ROUND = 100; // 1,000 calls of each in all

let site: BenchSite;
let wallet: WalletBrowser;
let page: E2EPage;

beforeAll(async () => {
  site = await startBenchSite();
  wallet = await launchBenchWallet({ extraExtensions: [ECHO_DIR] });
  // A real atSign and persona, and a grant on it: getGrant finds it, readProfile
  // unseals the persona, signIn is kept and signs without a window.
  const atSign = await walletWithAtSign(wallet);
  const persona = await fillPersona(wallet, 'Public', { name: 'Barbara', email: 'barbara@example.org' });
  const kept = { atSign, personaId: persona.id, fields: ['name', 'email'], signInKeptUntil: Date.now() + 86_400_000 };
  await seedGrants(wallet, [grantFor(site.origin, kept)]);
  page = await wallet.newPage(site.url('/'));
});
afterAll(async () => {
  await wallet?.close();
  await site?.close();
});

const echoes = (n: number, timeoutMs = 0) => page.evaluate(timeEchoes, { tag: ECHO_TAG, n, timeoutMs });
const requests = (method: string, params: unknown, n: number) => page.evaluate(timeRequests, { method, params, n });

it('measures the echo floor and the page API round trips', async ({ task }) => {
  await echoes(WARMUP, 5_000);
  for (const rpc of RPCS) await requests(rpc.method, rpc.params, WARMUP);
  const { last: grant } = await requests('atsign_getGrant', undefined, 1);
  if ((grant as Grant | null)?.origin !== site.origin) throw new Error(`getGrant did not find the seeded grant: ${JSON.stringify(grant)}`);

  const runs = [
    { key: 'echo_floor_ms', run: async () => echoes(PER_ROUND) },
    ...RPCS.map((rpc) => ({ key: rpc.key, run: async () => (await requests(rpc.method, rpc.params, PER_ROUND)).times })),
  ];
  const samples = new Map(runs.map(({ key }) => [key, [] as number[]]));
  const roundP50s = new Map(runs.map(({ key }) => [key, [] as number[]]));
  for (let turn = 0; turn < ROUNDS; turn++) {
    // Turn about, so drift in the machine touches the floor and the calls alike.
    for (const { key, run } of turn % 2 ? [...runs].reverse() : runs) {
      const times = await run();
      samples.get(key)!.push(...times);
      roundP50s.get(key)!.push(median(times));
    }
  }

  const figures: Record<string, Figure> = {};
  const spread: Record<string, Spread> = {};
  for (const { key } of runs) {
    figures[key] = percentiles(samples.get(key)!);
    spread[key] = spreadOf(samples.get(key)!);
  }
  const floor = median(samples.get('echo_floor_ms')!);
  for (const rpc of RPCS.filter((r) => r.ratioKey)) {
    figures[rpc.ratioKey!] = round(median(samples.get(rpc.key)!) / floor);
    // The ratio round by round: how steady it was.
    const floors = roundP50s.get('echo_floor_ms')!;
    spread[rpc.ratioKey!] = spreadOf(roundP50s.get(rpc.key)!.map((p50, i) => p50 / floors[i]!));
  }
  const about = await page.evaluate(() => ({ userAgent: navigator.userAgent, crossOriginIsolated }), undefined);
  record(task, { figures, spread, context: { rpc_calls: ROUNDS * PER_ROUND, ...about } });
});
