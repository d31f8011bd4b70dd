#!/usr/bin/env node
// npm run build:amo: the Firefox upload, and proof that a reviewer can rebuild
// it. `wxt zip -b firefox` makes the extension zip and the sources zip; the
// sources are unpacked into a fresh folder, installed there with `npm ci` and
// built the same way; then the two extension zips are compared, byte for
// byte, else file by file, saying what differs and why.
//
//   node scripts/build-amo.mjs                 build, rebuild, compare
//   node scripts/build-amo.mjs --offline       npm ci takes packages from the npm cache only
//   node scripts/build-amo.mjs --keep          keep the rebuild folder to look into
//   node scripts/build-amo.mjs --compare A B   only compare two zips
//
// Exit 0: the same files with the same contents; 1: a file differs; 2: it could not run.
// The zip reader is ours (node:zlib): WXT writes plain zips (no zip64, no encryption).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {
  name = 'ZipError';
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip's entries, in the order its central directory lists them, each with its content inflated and checked. */
export function readZip(buffer) {
  const buf = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('zip64 archives are not read here');
  if (offset + size > end) throw new ZipError('the central directory runs past its end');
  const comment = buf.subarray(end + 22, end + 22 + buf.readUInt16LE(end + 20));

  const entries = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) throw new ZipError(`central directory entry ${n + 1} is damaged`);
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const rawName = buf.subarray(at + 46, at + 46 + nameLength);
    const entry = {
      // Bit 11: the name is UTF-8; otherwise it is taken byte for byte.
      name: rawName.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      versionMadeBy: buf.readUInt16LE(at + 4),
      versionNeeded: buf.readUInt16LE(at + 6),
      flags,
      method: buf.readUInt16LE(at + 10),
      time: buf.readUInt16LE(at + 12),
      date: buf.readUInt16LE(at + 14),
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      internalAttributes: buf.readUInt16LE(at + 36),
      externalAttributes: buf.readUInt32LE(at + 38),
      localOffset: buf.readUInt32LE(at + 42),
      extra: buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      comment: buf.subarray(at + 46 + nameLength + extraLength, at + 46 + nameLength + extraLength + commentLength),
    };
    at += 46 + nameLength + extraLength + commentLength;
    if (entry.flags & 0x1) throw new ZipError(`${entry.name} is encrypted`);

    const local = entry.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipError(`${entry.name}: its local header is missing`);
    const localNameLength = buf.readUInt16LE(local + 26);
    const localExtraLength = buf.readUInt16LE(local + 28);
    entry.localExtra = buf.subarray(local + 30 + localNameLength, local + 30 + localNameLength + localExtraLength);
    const start = local + 30 + localNameLength + localExtraLength;
    if (start + entry.compressedSize > offset) throw new ZipError(`${entry.name}: its data runs into the central directory`);
    entry.compressed = buf.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) entry.data = entry.compressed;
    else if (entry.method === 8) {
      try {
        entry.data = inflateRawSync(entry.compressed);
      } catch (error) {
        throw new ZipError(`${entry.name}: its deflated data is damaged (${error.message})`);
      }
    } else throw new ZipError(`${entry.name}: compression method ${entry.method} is not read here`);
    if (entry.data.length !== entry.size || crc32(entry.data) !== entry.crc) throw new ZipError(`${entry.name}: its content does not match its size and CRC-32`);
    entries.push(entry);
  }
  return { entries, comment };
}

/** The entry's path to write under a folder; throws for a name that would land outside it. */
export function safeEntryPath(name) {
  const bad = () => new ZipError(`unsafe path in zip: ${JSON.stringify(name)}`);
  if (name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw bad();
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) throw bad();
  return parts.join('/');
}

/** Writes every entry of a zip under `dir`; returns how many files it wrote. */
export async function extractZip(buffer, dir) {
  let files = 0;
  for (const entry of readZip(buffer).entries) {
    const target = path.join(dir, ...safeEntryPath(entry.name).split('/'));
    if (entry.name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.data);
    files++;
  }
  return files;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function dosTime(date, time) {
  if (date === 0 && time === 0) return 'none (0)';
  const pad = (n) => String(n).padStart(2, '0');
  return `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

const looksLikeText = (bytes) => {
  if (bytes.subarray(0, 8000).includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A short look at `bytes` around `at`: quoted text, or hex for binary files. */
function around(bytes, at, text) {
  if (!text) return bytes.subarray(at, at + 16).toString('hex') || '(end of file)';
  const from = Math.max(0, at - 40);
  const slice = bytes.subarray(from, at + 40).toString('utf8');
  return `${from > 0 ? '…' : ''}${JSON.stringify(slice)}${at + 40 < bytes.length ? '…' : ''}`;
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** The folder a build ran in, when a file holds absolute paths of its sources (the JSX of a non-production build does). */
function builtIn(bytes) {
  // Not inside a URL: the path starts a string, after a quote, space or the start.
  const found = /(?<![\w:/\\.])(?:[A-Za-z]:)?(?:[\\/][\w.@+~-]+)+?[\\/](?:src|entrypoints|node_modules)[\\/]/.exec(bytes.toString('latin1'));
  return found ? found[0].slice(0, -1).replace(/[\\/](?:src|entrypoints|node_modules)$/, '') : null;
}

/** Container fields that may differ while the files inside are the same. */
const CONTAINER_FIELDS = [
  ['timestamps', (e) => dosTime(e.date, e.time)],
  ['compression methods', (e) => (e.method === 8 ? 'deflate' : e.method === 0 ? 'stored' : `method ${e.method}`)],
  ['flags', (e) => `0x${e.flags.toString(16)}`],
  ['"version made by" (the zipping tool and system)', (e) => String(e.versionMadeBy)],
  ['"version needed"', (e) => String(e.versionNeeded)],
  ['file attributes (permissions)', (e) => `0x${e.externalAttributes.toString(16)}`],
  ['internal attributes', (e) => String(e.internalAttributes)],
  ['extra fields (extended timestamps, owners)', (e) => e.extra.toString('hex') + '/' + e.localExtra.toString('hex')],
  ['entry comments', (e) => e.comment.toString('hex')],
];

/**
 * Compares two zips: byte for byte, then by what they hold. `folders` (the
 * folders each was built in) lets it say when a file differs because it
 * holds that path.
 */
export function compareZips(first, second, { folders } = {}) {
  const result = {
    identical: Buffer.compare(first, second) === 0,
    sameContent: true,
    sizes: [first.length, second.length],
    sha256: [sha256(first), sha256(second)],
    files: 0,
    onlyInFirst: [],
    onlyInSecond: [],
    duplicates: [],
    changed: [],
    container: [],
    causes: [],
  };
  const zips = [readZip(first), readZip(second)];
  result.files = zips[0].entries.length;
  if (result.identical) return result;

  const byName = zips.map(({ entries }, side) => {
    const map = new Map();
    for (const entry of entries) {
      if (map.has(entry.name)) result.duplicates.push(`${entry.name} (twice in the ${side ? 'second' : 'first'})`);
      map.set(entry.name, entry);
    }
    return map;
  });
  result.onlyInFirst = [...byName[0].keys()].filter((name) => !byName[1].has(name)).sort();
  result.onlyInSecond = [...byName[1].keys()].filter((name) => !byName[0].has(name)).sort();
  const common = zips[0].entries.filter((e) => byName[1].has(e.name)).map((e) => [e, byName[1].get(e.name)]);

  const describe = (a, b, reasons = []) => {
    if (a.data.equals(b.data)) return { name: a.name, other: b.name, sizes: [a.data.length, b.data.length], at: -1, text: false, first: '', second: '', reasons };
    const text = looksLikeText(a.data) && looksLikeText(b.data);
    const at = firstDifference(a.data, b.data);
    const change = { name: a.name, other: b.name, sizes: [a.data.length, b.data.length], at, text, first: around(a.data, at, text), second: around(b.data, at, text), reasons };
    [a, b].forEach((entry, side) => {
      const folder = folders ? (entry.data.includes(folders[side]) ? folders[side] : null) : builtIn(entry.data);
      if (folder) change.reasons.push(`the ${side ? 'second' : 'first'} holds the path of the folder it was built in (${folder})`);
    });
    return change;
  };
  for (const [a, b] of common) if (!a.data.equals(b.data)) result.changed.push(describe(a, b));

  // Vite names chunks by a hash of their content: a chunk whose content
  // changed comes back under a new name. Pair them to show what changed.
  const hashless = (name) => name.replace(/-[A-Za-z0-9_-]{8}(\.[A-Za-z0-9]+)$/, '-*$1');
  const unpaired = [result.onlyInFirst, result.onlyInSecond].map((names) => {
    const byKey = new Map();
    for (const name of names) byKey.set(hashless(name), [...(byKey.get(hashless(name)) ?? []), name]);
    return byKey;
  });
  for (const [key, [name, ...more]] of unpaired[0]) {
    const other = unpaired[1].get(key);
    if (key === name || more.length || other?.length !== 1) continue;
    result.changed.push(describe(byName[0].get(name), byName[1].get(other[0]), ['named by a hash of its content, so a change renames it']));
    result.onlyInFirst = result.onlyInFirst.filter((n) => n !== name);
    result.onlyInSecond = result.onlyInSecond.filter((n) => n !== other[0]);
  }
  // Each reason once, for a summary: many files usually differ for one cause.
  result.causes = [...new Set(result.changed.flatMap((change) => change.reasons))];
  result.sameContent = !result.onlyInFirst.length && !result.onlyInSecond.length && !result.duplicates.length && !result.changed.length;

  // Why the bytes differ when the files do not.
  const order = (zip) => zip.entries.map((e) => e.name).filter((name) => byName[0].has(name) && byName[1].has(name));
  const [orderA, orderB] = zips.map(order);
  const moved = orderA.findIndex((name, i) => name !== orderB[i]);
  if (moved >= 0) result.container.push(`entries are in another order (from entry ${moved + 1}: ${orderA[moved]} / ${orderB[moved]})`);
  for (const [what, read] of CONTAINER_FIELDS) {
    const differing = common.filter(([a, b]) => read(a) !== read(b));
    if (!differing.length) continue;
    const [a, b] = differing[0];
    result.container.push(`${what} differ on ${differing.length} of ${common.length} entries (e.g. ${a.name}: ${read(a)} / ${read(b)})`);
  }
  const recompressed = common.filter(([a, b]) => a.data.equals(b.data) && a.method === b.method && !a.compressed.equals(b.compressed));
  if (recompressed.length) {
    result.container.push(`compressed bytes differ on ${recompressed.length} entries with the same content (another deflate build or level)`);
  }
  if (!zips[0].comment.equals(zips[1].comment)) result.container.push('the archive comments differ');
  if (!result.container.length && result.sameContent) {
    result.container.push(`the layout differs (padding or offsets): first differing byte at ${firstDifference(first, second)}`);
  }
  return result;
}

/** The comparison in lines for people. */
export function describeComparison(result, [first, second] = ['first', 'second']) {
  if (result.identical) {
    return [`Identical: ${first} and ${second} are the same ${result.sizes[0]} bytes (${result.files} files, sha256 ${result.sha256[0]}).`];
  }
  const lines = [];
  if (result.sameContent) {
    lines.push(
      `Same ${result.files} files with the same contents, but the zip files themselves differ (${result.sizes[0]} / ${result.sizes[1]} bytes):`,
      ...result.container.map((note) => `  - ${note}`),
      'Reviewers compare the files inside, so the rebuild matches; the container differences are the zip tool’s, not the extension’s.',
    );
    return lines;
  }
  lines.push(`The files differ between ${first} and ${second}.`);
  if (result.causes.length) lines.push('Why, in short:', ...result.causes.map((cause) => `  - ${cause}`));
  lines.push('What differs:');
  for (const name of result.onlyInFirst) lines.push(`  - only in ${first}: ${name}`);
  for (const name of result.onlyInSecond) lines.push(`  - only in ${second}: ${name}`);
  for (const note of result.duplicates) lines.push(`  - listed twice: ${note}`);
  for (const change of result.changed) {
    const name = change.other === change.name ? change.name : `${change.name} / ${change.other}`;
    if (change.at < 0) lines.push(`  - ${name}: the same content under another name`);
    else {
      lines.push(`  - ${name}: ${change.sizes[0]} / ${change.sizes[1]} bytes, first difference at byte ${change.at}`);
      lines.push(`      ${first}: ${change.first}`, `      ${second}: ${change.second}`);
    }
    for (const reason of change.reasons) lines.push(`      why: ${reason}`);
  }
  if (result.container.length) lines.push('The zip containers differ too:', ...result.container.map((note) => `  - ${note}`));
  return lines;
}

/** What a sources zip must hold for `npm ci` and the build, and must not hold. */
export function checkSources(names) {
  const problems = [];
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts']) {
    if (!names.includes(needed)) problems.push(`${needed} is missing`);
  }
  const installed = names.find((name) => name.startsWith('node_modules/') || name.includes('/node_modules/'));
  if (installed) problems.push(`installed packages should not be there (${installed})`);
  for (const built of ['.output/', 'dist/', 'packages/sdk/dist/', '.wxt/']) {
    const found = names.find((name) => name.startsWith(built));
    if (found) problems.push(`${built} is built, and should not be there (${found})`);
  }
  return problems;
}

/** The file names `wxt zip -b firefox` gives, from package.json's name and version. */
export function zipNames({ name, version }) {
  const safe = name.toLowerCase().replace(/[^a-z0-9-\s]/g, '').replace(/\s+/g, '-');
  return { extension: `${safe}-${version}-firefox.zip`, sources: `${safe}-${version}-sources.zip` };
}

class Failure extends Error {}

// A store build is a production build. NODE_ENV=test or development (a test
// runner's, a shell's) makes the JSX carry each source file's absolute path,
// which ships the builder's folder names and differs on every machine; and
// NODE_ENV=production would make npm ci leave out the build tools.
const { NODE_ENV, ...childEnv } = process.env;

function run(command, args, cwd) {
  const { status, error } = spawnSync(command, args, { cwd, env: childEnv, stdio: 'inherit', shell: process.platform === 'win32' });
  if (error || status !== 0) throw new Failure(`${[path.basename(command), ...args].join(' ')} failed in ${cwd}${error ? `: ${error.message}` : ` (exit ${status})`}`);
}

const wxt = (dir, ...args) => run(process.execPath, [path.join(dir, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), ...args], dir);

async function compareFiles(firstFile, secondFile, folders) {
  const [first, second] = await Promise.all([readFile(firstFile), readFile(secondFile)]);
  const result = compareZips(first, second, { folders });
  console.log(describeComparison(result, [firstFile, secondFile]).join('\n'));
  return result.sameContent ? 0 : 1;
}

async function main(argv) {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const files = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = [...flags].filter((flag) => !['--offline', '--keep', '--compare'].includes(flag));
  if (unknown.length || (flags.has('--compare') ? files.length !== 2 : files.length)) {
    console.error('Usage: node scripts/build-amo.mjs [--offline] [--keep] | --compare first.zip second.zip');
    return 2;
  }
  if (flags.has('--compare')) return compareFiles(files[0], files[1]);

  const root = fileURLToPath(new URL('..', import.meta.url));
  if (NODE_ENV !== undefined) console.log(`NODE_ENV=${NODE_ENV} is left out of the builds: a store build is a production build.`);
  const names = zipNames(JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')));
  const times = [];
  const step = async (what, work) => {
    const started = Date.now();
    console.log(`\n== ${what}`);
    const value = await work();
    times.push([what, Date.now() - started]);
    return value;
  };

  await step('wxt zip -b firefox (the upload and its sources)', () => wxt(root, 'zip', '-b', 'firefox'));
  const original = path.join(root, '.output', names.extension);
  const sourcesZip = path.join(root, '.output', names.sources);
  const sources = await readFile(sourcesZip);
  const problems = checkSources(readZip(sources).entries.map((e) => e.name));
  if (problems.length) throw new Failure(`${sourcesZip} is not what reviewers should get: ${problems.join('; ')}`);

  const work = await mkdtemp(path.join(tmpdir(), 'atsign-wallet-amo-'));
  let code;
  try {
    const count = await step('unpack the sources into a fresh folder', () => extractZip(sources, work));
    console.log(`${count} files in ${work}`);
    // The lockfile may name no tarball URLs, so npm needs each package's metadata: cached, or fetched.
    const install = ['ci', flags.has('--offline') ? '--offline' : '--prefer-offline', '--no-audit', '--no-fund'];
    await step(`npm ${install.join(' ')}`, () => {
      try {
        run('npm', install, work);
      } catch (error) {
        const hint = flags.has('--offline') ? ' With --offline npm uses only its cache; leave it out to let npm fetch what the cache lacks.' : '';
        throw new Failure(`${error.message}.${hint}`);
      }
    });
    await step('wxt zip -b firefox, again, in that folder', () => wxt(work, 'zip', '-b', 'firefox'));
    const rebuilt = path.join(work, '.output', names.extension);
    if (!existsSync(rebuilt)) throw new Failure(`the rebuild made no ${names.extension}`);
    console.log(`\n== compare\n${original}\n${rebuilt}`);
    code = await compareFiles(original, rebuilt, [root.replace(/[\\/]$/, ''), work]);
  } finally {
    if (flags.has('--keep')) console.log(`Kept the rebuild in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  console.log(`\nUpload: ${original}\nSources for reviewers: ${sourcesZip}`);
  for (const [what, ms] of times) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${what}`);
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Failure || error instanceof ZipError ? `build:amo: ${error.message}` : error);
      process.exit(2);
    },
  );
}
