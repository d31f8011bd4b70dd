// The SDK as a third party gets it: `import … from '@atsign-wallet/sdk'` in
// plain Node (no Vite, no TypeScript), resolved through package.json
// `exports` to the Node build in packages/sdk/dist. The build is brought up to date
// first, so this never passes against an old one. A real signed response
// (made here with the wallet's own key code) is checked there by the built
// verifySignIn, confirmed over TLS on a local atPlatform the child starts.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '@/packages/sdk/src';
import * as nodeSource from '@/packages/sdk/src/node';
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
import * as sdk from '@atsign-wallet/sdk';
import * as universal from './packages/sdk/dist/index.js';
import { startLocalAtPlatform } from './testing/atplatform/index.mjs';
const { response, fields, domain, nonce, now, atKeys } = JSON.parse(process.argv[1]);
const platform = await startLocalAtPlatform({ atKeys: [atKeys] });
const on = { root: platform.root, ca: platform.ca };
const out = {
  resolved: import.meta.resolve('@atsign-wallet/sdk'),
  exports: Object.keys(sdk).sort(),
  universalExports: Object.keys(universal).sort(),
};
out.rebuilt = sdk.buildSignInMessage(fields);
out.parsed = sdk.parseSignInMessage(response.message);
out.verified = await sdk.verifySignIn(response, { domain, nonce, now: new Date(now), ...on });
out.selfAsserted = await sdk.verifySignIn(response, { domain, nonce, now: new Date(now), allowSelfAsserted: true });
const refusal = async (verify, changed, options = {}) => {
  try {
    await verify(changed, { domain, nonce, now: new Date(now), ...on, ...options });
    return null;
  } catch (error) {
    return { isSignInError: error instanceof sdk.SignInError, code: error.code ?? error.name };
  }
};
out.tampered = await refusal(sdk.verifySignIn, { ...response, message: response.message.replace('Example', 'Exampl3') });
out.otherSite = await refusal(sdk.verifySignIn, response, { domain: 'evil.example' });
out.untrusted = await refusal(sdk.verifySignIn, response, { ca: undefined });
out.browserBuild = await refusal(universal.verifySignIn, response, { root: undefined, ca: undefined });
out.nonce = sdk.createNonce();
await platform.stop();
process.stdout.write(JSON.stringify(out));
`;

beforeAll(async () => {
  await runNode(['scripts/build-sdk.mjs', '--if-stale']);
}, 300_000);

describe('@atsign-wallet/sdk from the repository, in plain Node', () => {
  it('has its built JavaScript and type declarations where its package.json exports them', () => {
    const dir = path.join(ROOT, 'packages/sdk');
    const { exports } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      exports: { '.': { default: string; types: string; node: { types: string; default: string } } };
    };
    const entry = exports['.'];
    expect(entry.default).toBe('./dist/index.js');
    expect(entry.types).toBe('./dist/index.d.ts');
    expect(entry.node).toEqual({ types: './dist/node.d.ts', default: './dist/node.js' });
    for (const file of [entry.default, entry.types, entry.node.types, entry.node.default]) expect(existsSync(path.join(dir, file))).toBe(true);
  });

  it('builds, parses and verifies a real signed sign-in, and refuses a tampered or misdirected one', async () => {
    const wallet = await makeWallet(await readAlice());
    const response = await signIn(wallet);
    const atKeys = path.join(ROOT, 'tests/fixtures/atkeys/@alice🛠.atKeys');
    const input = { response, fields: baseFields(), domain: DOMAIN, nonce: NONCE, now: NOW.toISOString(), atKeys };
    const out = JSON.parse(await runNode(['--input-type=module', '-e', CHILD, JSON.stringify(input)]));

    expect(out.resolved).toBe(pathToFileURL(path.join(ROOT, 'packages/sdk/dist/node.js')).href);
    // Everything the source exports at run time, and nothing else, in both builds.
    // The Node build has the server adapter besides.
    expect(out.exports).toEqual(Object.keys(nodeSource).sort());
    expect(out.exports).toEqual(expect.arrayContaining(['atSignSignIn', 'createMemoryNonceStore', ...Object.keys(source)]));
    expect(out.universalExports).toEqual(Object.keys(source).sort());
    expect(out.rebuilt).toBe(response.message);
    expect(out.parsed).toMatchObject({ domain: DOMAIN, atSign: '@alice🛠', nonce: NONCE, uri: 'https://example.com' });
    expect(out.verified).toMatchObject({ atSign: '@alice🛠', keySource: 'atServer' });
    expect(out.selfAsserted).toMatchObject({ atSign: '@alice🛠', keySource: 'self-asserted' });
    expect(out.tampered).toEqual({ isSignInError: true, code: 'BAD_SIGNATURE' });
    expect(out.otherSite).toEqual({ isSignInError: true, code: 'DOMAIN_MISMATCH' });
    // Without the local atPlatform's CA its certificate is not trusted: refused, never accepted.
    expect(out.untrusted).toEqual({ isSignInError: true, code: 'ATSERVER_UNREACHABLE' });
    // The browser build has no way to the atPlatform of its own, and says so to the site's code.
    expect(out.browserBuild).toEqual({ isSignInError: false, code: 'TypeError' });
    expect(out.nonce).toMatch(/^[A-Za-z0-9]{16,64}$/);
  });
});
