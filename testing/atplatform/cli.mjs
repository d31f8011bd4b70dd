#!/usr/bin/env node
// Starts a local atPlatform from the command line and serves until stopped:
//
//   npm run atplatform -- <file.atKeys…> [--unactivated @name:secret…] [--data-dir DIR]
//
// The first line on stdout is one JSON object other programs read:
//   {"root":"host:port","ca":"<path of the test CA, PEM>","atServers":{"@alice":"host:port"}}
// (npm prints a banner before it; programs run `npm run -s atplatform` or this file directly.)
// Then a few lines for people. SIGINT or SIGTERM stops everything cleanly.
// Bad arguments or an unreadable file: one line on stderr, exit code 2.
import process from 'node:process';
import { parseArgs } from 'node:util';
import { gatherAtSigns } from './atkeys-input.mjs';
import { startLocalAtPlatform } from './index.mjs';

const USAGE = 'usage: npm run atplatform -- <file.atKeys…> [--unactivated @name:secret…] [--data-dir DIR]';

function fail(message, code) {
  process.stderr.write(`atplatform: ${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      unactivated: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

/** `@name:secret` → { atSign, cramSecret }; an atSign has no ':', so the first one splits. */
function unactivatedOf(text) {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) fail(`--unactivated wants @name:secret, got "${text}".`, 2);
  return { atSign: text.slice(0, at), cramSecret: text.slice(at + 1) };
}

const options = {
  atKeys: parsed.positionals,
  unactivated: (parsed.values.unactivated ?? []).map(unactivatedOf),
  ...(parsed.values['data-dir'] === undefined ? {} : { dataDir: parsed.values['data-dir'] }),
};
if (options.atKeys.length === 0 && options.unactivated.length === 0) fail(`nothing to serve.\n${USAGE}`, 2);

// Checked first, so a missing or unreadable file is a usage error that names it.
try {
  await gatherAtSigns(options);
} catch (error) {
  fail(error.message, 2);
}

// Signals are handled from here on, before anything listens: a stop asked for while starting
// waits for the start to finish, so nothing is left behind.
let platform = null;
let stopRequested = null;
async function stop(signal) {
  if (stopRequested !== null) return;
  stopRequested = signal;
  if (platform === null) return; // still starting; stopped right after
  try {
    await platform.stop();
    process.stdout.write(`Stopped (${signal}).\n`);
    process.exit(0);
  } catch (error) {
    fail(`stopping failed: ${error.message}`, 1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

let started;
try {
  started = await startLocalAtPlatform(options);
} catch (error) {
  fail(`could not start: ${error.message}`, 1);
}
platform = started;
if (stopRequested !== null) {
  const signal = stopRequested;
  stopRequested = null;
  await stop(signal);
} else {
  process.stdout.write(`${JSON.stringify({ root: platform.root, ca: platform.caPath, atServers: platform.atServers })}\n`);
  process.stdout.write(`Local atPlatform (test infrastructure only) — root ${platform.root}\n`);
  for (const [atSign, address] of Object.entries(platform.atServers)) process.stdout.write(`  ${atSign}  ${address}\n`);
  process.stdout.write(`Trust the test CA in ${platform.caPath}. Ctrl-C stops.\n`);
}
