// What a person waits for in the wallet's own pages: unlocking (PBKDF2 at the
// real iteration count, never a test-only lower one) and making a new atSign
// (two RSA-2048 key pairs).
import { afterAll, beforeAll, it } from 'vitest';
import type { E2EPage, WalletBrowser } from '../tests/e2e/harness';
import { callFrom, callWallet } from '../tests/e2e/harness/wallet-api';
import { launchBenchWallet } from './lib/chromium';
import { record } from './lib/record';
import { median, round, spreadOf } from './lib/stats';
import { storedIterations, timedUiCall } from './lib/timed-ui-call';

const PASSPHRASE = 'a long enough passphrase for the bench';
const UNLOCK_RUNS = 7;
// Each is several seconds of key generation: a few runs say enough.
const CREATE_RUNS = 3;

let wallet: WalletBrowser;
let page: E2EPage;

beforeAll(async () => {
  wallet = await launchBenchWallet();
  await callWallet(wallet, 'wallet_setup', { passphrase: PASSPHRASE });
  page = await wallet.openExtensionPage('/popup.html');
});
afterAll(async () => {
  await wallet?.close();
});

it('measures wallet_unlock', async ({ task }) => {
  const times: number[] = [];
  for (let i = 0; i < UNLOCK_RUNS; i++) {
    const locked = await callFrom(page, 'wallet_lock');
    if (!locked.ok) throw new Error(`wallet_lock: ${locked.error.message}`);
    times.push(await timedUiCall(page, 'wallet_unlock', { passphrase: PASSPHRASE }));
  }
  record(task, {
    figures: { unlock_ms: round(median(times)) },
    spread: { unlock_ms: spreadOf(times) },
    context: { pbkdf2_iterations_used: await storedIterations(page) },
  });
});

it('measures wallet_createAtSign', async ({ task }) => {
  // Making keys needs the wallet unlocked, whatever the bench before left it as.
  if (!(await callWallet(wallet, 'wallet_getState')).unlocked) await callWallet(wallet, 'wallet_unlock', { passphrase: PASSPHRASE });
  const times: number[] = [];
  for (let i = 0; i < CREATE_RUNS; i++) times.push(await timedUiCall(page, 'wallet_createAtSign', { atSign: `@bench${i}` }));
  record(task, {
    figures: { create_atsign_ms: round(median(times)) },
    spread: { create_atsign_ms: spreadOf(times) },
  });
});
