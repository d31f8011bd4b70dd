// The SDK as a third party gets it: `import … from 'atsign-wallet/sdk'` in
// plain Node (no Vite, no TypeScript), resolved through package.json
// `exports` to the build in dist/sdk. The build is brought up to date first,
// so this never passes against an old one. A real signed response (made here
// with the wallet's own key code) is checked there by the built verifySignIn.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '@/src/sdk';
import { baseFields, DOMAIN, makeWallet, NONCE, NOW, readAlice, signIn } from './support';

const ROOT = process.cwd();

function runNode(args: string[]): Promise<string> {
  // Plain Node: nothing of the test runner's loaders or options.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, env, timeout: 240_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node ${args[0]} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

// Runs in the child, as an ES module in the package's root. argv[1] is the JSON input.
const CHILD = `
import * as sdk from 'atsign-wallet/sdk';
const { response, fields, domain, nonce, now } = JSON.parse(process.argv[1]);
const out = { resolved: import.meta.resolve('atsign-wallet/sdk'), exports: Object.keys(sdk).sort() };
out.rebuilt = sdk.buildSignInMessage(fields);
out.parsed = sdk.parseSignInMessage(response.message);
out.verified = await sdk.verifySignIn(response, { domain, nonce, now: new Date(now) });
const refusal = async (changed, options = {}) => {
  try {
    await sdk.verifySignIn(changed, { domain, nonce, now: new Date(now), ...options });
    return null;
  } catch (error) {
    return { isSignInError: error instanceof sdk.SignInError, code: error.code };
  }
};
out.tampered = await refusal({ ...response, message: response.message.replace('Example', 'Exampl3') });
out.otherSite = await refusal(response, { domain: 'evil.example' });
out.nonce = sdk.createNonce();
process.stdout.write(JSON.stringify(out));
`;

beforeAll(async () => {
  await runNode(['scripts/build-sdk.mjs', '--if-stale']);
}, 300_000);

describe('atsign-wallet/sdk from the package root, in plain Node', () => {
  it('has its built JavaScript and type declarations where package.json exports them', () => {
    const { exports } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      exports: { './sdk': { import: string; types: string } };
    };
    const entry = exports['./sdk'];
    expect(entry.import).toBe('./dist/sdk/index.js');
    expect(entry.types).toBe('./dist/sdk/index.d.ts');
    expect(existsSync(path.join(ROOT, entry.import))).toBe(true);
    expect(existsSync(path.join(ROOT, entry.types))).toBe(true);
  });

  it('builds, parses and verifies a real signed sign-in, and refuses a tampered or misdirected one', async () => {
    const wallet = await makeWallet(await readAlice());
    const response = await signIn(wallet);
    const input = { response, fields: baseFields(), domain: DOMAIN, nonce: NONCE, now: NOW.toISOString() };
    const out = JSON.parse(await runNode(['--input-type=module', '-e', CHILD, JSON.stringify(input)]));

    expect(out.resolved).toBe(pathToFileURL(path.join(ROOT, 'dist/sdk/index.js')).href);
    // Everything the source exports at run time, and nothing else.
    expect(out.exports).toEqual(Object.keys(source).sort());
    expect(out.rebuilt).toBe(response.message);
    expect(out.parsed).toMatchObject({ domain: DOMAIN, atSign: '@alice🛠', nonce: NONCE, uri: 'https://example.com' });
    expect(out.verified).toMatchObject({ atSign: '@alice🛠', keySource: 'self-asserted' });
    expect(out.tampered).toEqual({ isSignInError: true, code: 'BAD_SIGNATURE' });
    expect(out.otherSite).toEqual({ isSignInError: true, code: 'DOMAIN_MISMATCH' });
    expect(out.nonce).toMatch(/^[A-Za-z0-9]{16,64}$/);
  });
});
