// `npm start`: build the site SDK and the extension for Chromium and Firefox,
// start the local atPlatform (a root and an atServer for each demo atSign in
// tests/fixtures/atkeys), build and serve the demo site — which confirms
// sign-ins on that atPlatform, or on the one ATSIGN_ROOT names — and say how
// to load the extension. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildSdk } from './build-sdk.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (...parts) => path.join(root, '.output', ...parts);

function fail(message, code = 1) {
  console.error(`\n✖ ${message}`);
  process.exit(code);
}

/** Runs `npx wxt build -b <browser>`, exiting with its code if it fails. */
function buildExtension(browser) {
  console.log(`\n▶ Building the extension for ${browser}…`);
  return new Promise((resolve) => {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const child = spawn(npx, ['wxt', 'build', '-b', browser], { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => fail(`Could not run wxt: ${error.message}`));
    child.on('exit', (code, signal) => {
      if (signal) fail(`The ${browser} build was stopped (${signal}).`);
      else if (code !== 0) fail(`The ${browser} build failed (exit code ${code}).`, code ?? 1);
      else resolve();
    });
  });
}

/**
 * The atPlatform ATSIGN_ROOT names ("root.atsign.org:64", or a private one
 * whose certificate authority ATSIGN_ROOT_CA gives as a PEM file), or null
 * for the local one.
 */
function namedAtPlatform() {
  const named = process.env.ATSIGN_ROOT;
  const caFile = process.env.ATSIGN_ROOT_CA;
  if (caFile !== undefined && named === undefined) fail('ATSIGN_ROOT_CA is the certificate authority of the root ATSIGN_ROOT names: set both, or neither.');
  if (named === undefined) return null;
  if (!/^[^\s:/@]+:\d{1,5}$/.test(named)) fail(`ATSIGN_ROOT must be a root as host:port, e.g. root.atsign.org:64, got "${named}".`);
  if (caFile === undefined) return { root: named };
  let ca;
  try {
    ca = readFileSync(caFile, 'utf8');
  } catch (error) {
    fail(`ATSIGN_ROOT_CA names a file that cannot be read (${error.code ?? error.message}): ${caFile}`);
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) fail(`ATSIGN_ROOT_CA must be a PEM certificate file; ${caFile} holds none.`);
  return { root: named, ca };
}
// What people set is checked before the slow builds, so a typo costs no wait.
const named = namedAtPlatform();
const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got "${process.env.PORT}".`);

console.log('\n▶ Building the SDK (@atsign-wallet/sdk)…');
await buildSdk().catch((error) => fail(`The SDK build failed: ${error.message}`));

await buildExtension('chrome');
await buildExtension('firefox');

// Imported once the SDK is built: the demo imports it by the package's name.
const { buildDemo } = await import('../demo/build.mjs');
const { startDemoServer } = await import('../demo/server.mjs');

console.log('\n▶ Building the demo site…');
const demoRoot = await buildDemo().catch((error) => fail(`The demo build failed: ${error.message}`));

/** The local atPlatform, unless ATSIGN_ROOT named one. */
async function startAtPlatform() {
  if (named) return { atPlatform: named, local: null };
  console.log('\n▶ Starting the local atPlatform…');
  const { startLocalAtPlatform } = await import('../testing/atplatform/index.mjs');
  const dir = path.join(root, 'tests', 'fixtures', 'atkeys');
  const files = readdirSync(dir).filter((name) => name.endsWith('.atKeys')).map((name) => path.join(dir, name));
  const local = await startLocalAtPlatform({ atKeys: files }).catch((error) => fail(`The local atPlatform did not start: ${error.message}`));
  return { atPlatform: { root: local.root, ca: local.ca }, local };
}
const { atPlatform, local } = await startAtPlatform();

const server = await startDemoServer({ port, root: demoRoot, atPlatform }).catch((error) =>
  fail(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop whatever uses it, or run: PORT=5174 npm start`
      : `The demo server did not start: ${error.message}`,
  ),
);

console.log(`
atSign Wallet is built.

Chrome / Chromium
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose this folder:
     ${out('chrome-mv3')}

Firefox
  1. Open about:debugging#/runtime/this-firefox
  2. Click "Load Temporary Add-on…" and choose this file:
     ${out('firefox-mv3', 'manifest.json')}

Demo site (a third-party page that uses the SDK)
  ${server.url}

${
  local
    ? `Local atPlatform (sign-ins are confirmed here)
  root ${local.root}, knowing ${Object.keys(local.atServers).join(', ')}
  Import their .atKeys files from tests/fixtures/atkeys into the wallet to sign in.
  ATSIGN_ROOT=root.atsign.org:64 npm start confirms on the real atPlatform instead.`
    : `Sign-ins are confirmed on the atPlatform whose root is ${atPlatform.root}.`
}

After rebuilding, reload the extension on the same page. Press Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo server…');
  await server.close();
  await local?.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
