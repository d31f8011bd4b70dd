#!/usr/bin/env node
// Finds the browsers the end-to-end tests drive: Debian's Chromium and Firefox
// ESR (test tools cannot download their own here), and NSS's certutil, with
// which the tests make each browser trust the local atPlatform's test
// certificate authority. CHROMIUM_PATH, FIREFOX_PATH and CERTUTIL_PATH win
// when set. When one is missing and this runs as root with apt-get, it
// installs the Debian packages; otherwise it says how to get them.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CANDIDATES = {
  chromium: {
    env: 'CHROMIUM_PATH',
    // /usr/bin/chromium is a shell wrapper; the test tools want the real binary.
    paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    apt: 'chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'],
    apt: 'firefox-esr',
  },
  certutil: {
    env: 'CERTUTIL_PATH',
    // Not a browser: wherever PATH has it.
    paths: () => (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'certutil')),
    apt: 'libnss3-tools',
  },
};

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {{ chromium: string | null, firefox: string | null, certutil: string | null }} */
export function findBrowsers() {
  const found = {};
  for (const [name, c] of Object.entries(CANDIDATES)) {
    const fromEnv = process.env[c.env];
    const paths = typeof c.paths === 'function' ? c.paths() : c.paths;
    found[name] = fromEnv ? (executable(fromEnv) ? fromEnv : null) : (paths.find(executable) ?? null);
  }
  return /** @type {{ chromium: string | null, firefox: string | null, certutil: string | null }} */ (found);
}

function canApt() {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureBrowsers() {
  let found = findBrowsers();
  const missing = Object.keys(found).filter((name) => !found[name]);
  if (missing.length === 0) return found;
  const packages = missing.map((name) => CANDIDATES[name].apt);
  if (canApt() && missing.every((name) => !process.env[CANDIDATES[name].env])) {
    console.log(`Installing ${packages.join(' and ')} from Debian for the end-to-end tests…`);
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = findBrowsers();
    if (Object.values(found).every(Boolean)) return found;
  }
  const lines = missing.map((name) => {
    const c = CANDIDATES[name];
    const set = process.env[c.env] ? ` (${c.env} is set to ${process.env[c.env]}, which is not an executable)` : '';
    return `  - ${name}${set}: install it with "sudo apt-get install ${c.apt}", or set ${c.env} to its binary`;
  });
  throw new Error(`The end-to-end tests need real browsers and certutil, and these were not found:\n${lines.join('\n')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const found = ensureBrowsers();
    for (const [name, path] of Object.entries(found)) console.log(`${name}: ${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
