// @atsign-wallet/sdk as a site gets it from the registry: packed with
// `npm pack`, installed from the tarball into a throwaway project outside the
// repository, its browser part bundled with Vite and type-checked, its server
// part run in plain Node on a real signed sign-in. Nothing reaches into the
// repository: the project sees only what the tarball holds (and @noble/ed25519
// from npm's cache, which `npm ci` filled).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { DOMAIN, makeWallet, NONCE, NOW, readAlice, signIn } from './support';

const ROOT = process.cwd();
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string): Promise<string> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // plain Node and npm: nothing of the test runner's
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

let work: string;
let site: string;
let tarball: string;

beforeAll(async () => {
  await run(process.execPath, ['scripts/build-sdk.mjs', '--if-stale'], ROOT);
  work = await mkdtemp(path.join(tmpdir(), 'atsign-sdk-pack-'));
  const [packed] = JSON.parse(await run(NPM, ['pack', '--workspace', 'packages/sdk', '--pack-destination', work, '--json'], ROOT)) as {
    filename: string;
  }[];
  tarball = path.join(work, packed!.filename);
  site = path.join(work, 'site');
  await run('mkdir', ['-p', site], work);
  await writeFile(
    path.join(site, 'package.json'),
    JSON.stringify({ name: 'a-site', private: true, type: 'module', dependencies: { '@atsign-wallet/sdk': `file:${tarball}` } }),
  );
  await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], site);
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('@atsign-wallet/sdk packed and installed', () => {
  it('holds the built package and its papers, and none of the repository', async () => {
    const listed = await run('tar', ['-tzf', tarball], work);
    const files = listed.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'LICENSE',
        'dist/index.js',
        'dist/node.js',
        'dist/index.d.ts',
        'dist/node.d.ts',
        'dist/better-auth.js',
        'dist/better-auth.d.ts',
        'dist/better-auth-client.js',
        'dist/better-auth-client.d.ts',
      ]),
    );
    expect(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(f))).toEqual([]);
    const installed = await readdir(path.join(site, 'node_modules/@atsign-wallet/sdk'));
    expect(installed.sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']);
  });

  it('keeps Better Auth to its own entry points: an optional peer, imported by nothing else', async () => {
    const dist = path.join(site, 'node_modules/@atsign-wallet/sdk/dist');
    const scripts = (await readdir(dist)).filter((f) => f.endsWith('.js'));
    const importers = [];
    for (const file of scripts) if (/from\s*["']better-auth[/"']/.test(await readFile(path.join(dist, file), 'utf8'))) importers.push(file);
    expect(importers).toEqual(['better-auth.js']);
    // npm left the optional peer out; the subpaths still resolve (resolving loads nothing).
    await expect(readdir(path.join(site, 'node_modules/better-auth'))).rejects.toThrow();
    await writeFile(
      path.join(site, 'resolve.mjs'),
      `process.stdout.write(JSON.stringify(['@atsign-wallet/sdk/better-auth', '@atsign-wallet/sdk/better-auth/client'].map((s) => import.meta.resolve(s))));`,
    );
    const resolved = JSON.parse(await run(process.execPath, ['resolve.mjs'], site)) as string[];
    expect(resolved.map((url) => url.replace(/^.*\/node_modules\/@atsign-wallet\/sdk\//, ''))).toEqual(['dist/better-auth.js', 'dist/better-auth-client.js']);
  });

  it('runs in plain Node: verifies a real signed sign-in, and refuses it changed', async () => {
    const response = await signIn(await makeWallet(await readAlice()));
    await writeFile(
      path.join(site, 'server.mjs'),
      `import { verifySignIn, createSignInRoutes, SignInError, AtSignStrategy } from '@atsign-wallet/sdk';
const [response, domain, nonce, now] = JSON.parse(process.argv[2]);
const options = { domain, nonce, now: new Date(now), allowSelfAsserted: true };
const verified = await verifySignIn(response, options);
let refused = null;
try { await verifySignIn({ ...response, message: response.message.replace('Example', 'Exampl3') }, options); }
catch (error) { refused = error instanceof SignInError ? error.code : String(error); }
const routes = createSignInRoutes({ origin: 'https://example.com' });
const strategy = new AtSignStrategy({ origin: 'https://example.com' }, (signIn, done) => done(null, signIn.atSign));
process.stdout.write(JSON.stringify({ atSign: verified.atSign, keySource: verified.keySource, refused, nonce: await routes.issueNonce(), strategy: strategy.name }));
`,
    );
    const out = JSON.parse(await run(process.execPath, ['server.mjs', JSON.stringify([response, DOMAIN, NONCE, NOW.toISOString()])], site));
    expect(out).toMatchObject({ atSign: '@alice🛠', keySource: 'self-asserted', refused: 'BAD_SIGNATURE', strategy: 'atsign' });
    expect(out.nonce).toMatch(/^[A-Za-z0-9]{16,64}$/);
  }, 60_000);

  it('bundles for the browser with Vite, taking the browser build', async () => {
    await writeFile(
      path.join(site, 'main.js'),
      `import { defineSignInButton, discoverProviders } from '@atsign-wallet/sdk';
defineSignInButton();
discoverProviders().then((wallets) => console.log(wallets.length));
`,
    );
    await build({
      root: site,
      configFile: false,
      logLevel: 'silent',
      build: { outDir: path.join(site, 'out'), emptyOutDir: true, lib: { entry: path.join(site, 'main.js'), formats: ['es'], fileName: 'main' } },
    });
    const bundle = await readFile(path.join(site, 'out/main.js'), 'utf8');
    expect(bundle).toContain('atsign:requestProvider');
    expect(bundle).toContain('atsign-signin-button');
    // Nothing of the Node build (TLS to the atPlatform) reaches a page.
    expect(bundle).not.toMatch(/node:tls|node:net/);
  }, 60_000);

  it('type-checks a site’s TypeScript against the declarations it ships', async () => {
    await writeFile(
      path.join(site, 'check.ts'),
      `import { request, verifySignIn, type ProviderDetail, type VerifiedSignIn } from '@atsign-wallet/sdk';
export async function signInWith(wallet: ProviderDetail): Promise<string> {
  const answer = await request(wallet.provider, 'atsign_signIn', { nonce: 'abcdefgh1234', fields: ['name'] });
  const checked: VerifiedSignIn = await verifySignIn(answer, { domain: 'example.com', nonce: 'abcdefgh1234', allowSelfAsserted: true });
  return checked.profile.name ?? checked.atSign;
}
`,
    );
    await writeFile(
      path.join(site, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
        files: ['check.ts'],
      }),
    );
    await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], site);
  }, 60_000);
});
