// What confirming a sign-in on the atPlatform costs a site's server: the SDK's
// verifySignIn against the local atPlatform over loopback TLS — cold (the
// root, then the atSign's atServer, each a new TLS connection) and cached
// (what the atServer published is reused), beside the offline checks alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { bindSigningKey, generateSigningKey, readAtKeys, signEd25519 } from '../src/keys';
import { buildSignInMessage, type SignInResponse } from '../packages/sdk/src';
import { createAtPlatformResolver, verifySignIn } from '../packages/sdk/src/node';
import { startLocalAtPlatform, type LocalAtPlatform } from '../testing/atplatform/index.mjs';
import { record } from './lib/record';
import { median, round, spreadOf } from './lib/stats';

const ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys');
const DOMAIN = 'example.com';
const NONCE = 'benchNonce0001';
const COLD_RUNS = 40;
const CACHED_RUNS = 400;

let platform: LocalAtPlatform;
let response: SignInResponse;

beforeAll(async () => {
  platform = await startLocalAtPlatform({ atKeys: [ATKEYS] });
  const key = await generateSigningKey();
  const keyBinding = await bindSigningKey(await readAtKeys(readFileSync(ATKEYS, 'utf8')), key.publicKey);
  const issuedAt = new Date();
  const message = buildSignInMessage({
    domain: DOMAIN,
    atSign: '@alice🛠',
    uri: `https://${DOMAIN}`,
    nonce: NONCE,
    issuedAt: issuedAt.toISOString(),
    expirationTime: new Date(issuedAt.getTime() + 60 * 60_000).toISOString(),
  });
  response = { message, signature: await signEd25519(key.seed, message), publicKey: key.publicKey, keyBinding };
});
afterAll(() => platform?.stop());

async function timed(runs: number, verify: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await verify();
    times.push(performance.now() - start);
  }
  return times;
}

it('measures verifySignIn confirmed on the local atPlatform, cold and cached', async ({ task }) => {
  const options = { domain: DOMAIN, nonce: NONCE };
  const on = { root: platform.root, ca: platform.ca };
  // Cold: a resolver with nothing kept, each time.
  const cold = await timed(COLD_RUNS, async () => {
    const verified = await verifySignIn(response, { ...options, resolver: createAtPlatformResolver(on) });
    if (verified.keySource !== 'atServer') throw new Error('not confirmed');
  });
  const resolver = createAtPlatformResolver(on);
  await verifySignIn(response, { ...options, resolver });
  // Taken in turns, so warm-up and the machine's moods fall on both alike.
  const cached: number[] = [];
  const offline: number[] = [];
  for (let i = 0; i < CACHED_RUNS; i++) {
    cached.push(...(await timed(1, () => verifySignIn(response, { ...options, resolver }))));
    offline.push(...(await timed(1, () => verifySignIn(response, { ...options, allowSelfAsserted: true }))));
  }
  record(task, {
    figures: {
      verify_signin_cold_ms: round(median(cold)),
      verify_signin_cached_ms: round(median(cached)),
      verify_signin_offline_ms: round(median(offline)),
    },
    spread: {
      verify_signin_cold_ms: spreadOf(cold),
      verify_signin_cached_ms: spreadOf(cached),
      verify_signin_offline_ms: spreadOf(offline),
    },
    context: { verify_signin_atplatform: 'local, loopback TLS' },
  });
});
