// What the adapter tests share: a wallet key bound to an atSign's keys, the
// example's server on a free port, the wallet's answer signed for real
// (message and profile, as the wallet signs them), a POST from a page of some
// origin, the cookies an answer set, and the check that docs/sdk.md shows the
// code the example runs.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect } from 'vitest';
import { bindSigningKey, generateSigningKey, readAtKeys, signEd25519, type KeyBinding, type SigningKey } from '@/src/keys';
import { buildSignInMessage, profileStatement, type SignInResponse } from '@/packages/sdk/src';

export interface SigningWallet {
  atSign: string;
  key: SigningKey;
  binding: KeyBinding;
}

/** A new wallet key for the atSign of `atKeysFile`, bound to its keys as the wallet binds it. */
export async function newWallet(atKeysFile: string): Promise<SigningWallet> {
  const keys = await readAtKeys(readFileSync(atKeysFile, 'utf8'));
  const key = await generateSigningKey();
  return { atSign: keys.atSign, key, binding: await bindSigningKey(keys, key.publicKey) };
}

/** `server`, told to listen on a free loopback port: its origin once it does, and how to stop it, open connections too. */
export async function serving(server: Server): Promise<{ origin: string; close(): Promise<void> }> {
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The wallet's answer for `nonce`, written for `site` at `now`, with `profile` signed along. */
export async function signedAnswer(
  wallet: SigningWallet,
  { nonce, site, now, profile }: { nonce: string; site: string; now: number; profile: Record<string, string> },
): Promise<SignInResponse> {
  const message = buildSignInMessage({
    domain: new URL(site).host,
    atSign: wallet.atSign,
    statement: 'Sign in to Example.',
    uri: site,
    nonce,
    issuedAt: new Date(now).toISOString(),
    expirationTime: new Date(now + 10 * 60_000).toISOString(),
  });
  return {
    message,
    signature: await signEd25519(wallet.key.seed, message),
    publicKey: wallet.key.publicKey,
    keyBinding: wallet.binding,
    profile,
    profileSignature: await signEd25519(wallet.key.seed, await profileStatement(message, profile)),
  };
}

/** A JSON POST to `url` as a page of `from` sends it. */
export function postJson(url: string, body: unknown, from: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { Origin: from, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The cookies a response set, as a Cookie header. */
export function cookieOf(answer: Response): string {
  return answer.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .join('; ');
}

/** Each line of the first code block in docs/sdk.md's section `heading` is in `exampleFile`, in order. */
export function expectDocsShow(heading: string, exampleFile: string): void {
  const docs = readFileSync(path.resolve(process.cwd(), 'docs/sdk.md'), 'utf8');
  const section = docs.slice(docs.indexOf(`\n## ${heading}\n`));
  const lines = /```\w*\n([\s\S]*?)```/.exec(section)![1]!.split('\n').filter((line) => line.trim() !== '');
  // Not some other, shorter block.
  expect(lines.length).toBeGreaterThan(20);
  const file = readFileSync(exampleFile, 'utf8').split('\n');
  let at = 0;
  for (const line of lines) {
    // `// …` marks what the docs leave out.
    if (line.trim().startsWith('// …')) continue;
    const found = file.indexOf(line, at);
    expect(found, line).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}
