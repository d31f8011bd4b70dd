// The AMO rebuild check (scripts/build-amo.mjs): its zip comparison on small
// zips made here, each differing in one known way; and, in CI or when
// AMO_REBUILD=1, the whole script — build, unpack the sources, npm ci,
// rebuild, compare — which writes .output/ and takes about a minute and a half.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkSources,
  compareZips,
  crc32,
  describeComparison,
  extractZip,
  readZip,
  safeEntryPath,
  ZipError,
  zipNames,
} from '../../../scripts/build-amo.mjs';

interface Entry {
  name: string;
  data: string | Buffer;
  /** 0 stored, 8 deflate (the default) */
  method?: 0 | 8;
  /** DOS date and time words; 0 as WXT writes them */
  date?: number;
  time?: number;
  attributes?: number;
}

/** A plain zip, laid out as WXT's zipper lays it: local headers and data, the central directory, its end. */
function makeZip(entries: Entry[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method = 8, date = 0, time = 0, attributes = 0 } of entries) {
    const content = Buffer.from(data);
    const stored = method === 8 ? deflateRawSync(content) : content;
    const fileName = Buffer.from(name);
    const flags = fileName.length !== name.length ? 0x800 : 0; // UTF-8 names, as WXT's zipper marks them
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(attributes, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, stored);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const note = Buffer.from(comment);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(note.length, 20);
  return Buffer.concat([...locals, directory, end, note]);
}

const MANIFEST = JSON.stringify({ manifest_version: 3, name: 'atSign Wallet', version: '0.1.0' });
const BACKGROUND = `console.log("background");\n${'const x = 1;\n'.repeat(50)}`;
const ICON = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
const files = (): Entry[] => [
  { name: 'background.js', data: BACKGROUND },
  { name: 'icon/16.png', data: ICON, method: 0 },
  { name: 'manifest.json', data: MANIFEST },
];
// 2026-12-05 20:59:12 in DOS form.
const DATE = ((2026 - 1980) << 9) | (12 << 5) | 5;
const TIME = (20 << 11) | (59 << 5) | 6;

describe('reading a zip', () => {
  it('gives each entry’s name and content, UTF-8 names too, checked against its CRC-32', () => {
    const zip = makeZip([...files(), { name: 'tests/@alice🛠.atKeys', data: '{}' }]);
    const { entries } = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['background.js', 'icon/16.png', 'manifest.json', 'tests/@alice🛠.atKeys']);
    expect(entries[0]!.data.toString()).toBe(BACKGROUND);
    expect(entries[1]!.data.equals(ICON)).toBe(true);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('refuses what is not a zip, and content that does not match its CRC-32', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just text'))).toThrow(ZipError);
    const zip = makeZip([{ name: 'a.txt', data: 'hello world', method: 0 }]);
    zip[30 + 'a.txt'.length]! ^= 1;
    expect(() => readZip(zip)).toThrow(/does not match its size and CRC-32/);
  });
});

describe('comparing two extension zips', () => {
  it('says identical when the bytes are', () => {
    const result = compareZips(makeZip(files()), makeZip(files()));
    expect(result).toMatchObject({ identical: true, sameContent: true, files: 3 });
    expect(describeComparison(result, ['original', 'rebuilt'])[0]).toMatch(/^Identical: original and rebuilt are the same \d+ bytes \(3 files, sha256 [0-9a-f]{64}\)\.$/);
  });

  it('passes the same files in another container, and says how the containers differ: timestamps, order, compression, attributes', () => {
    const original = makeZip(files());
    const [background, icon, manifest] = files();
    const rezipped = makeZip([
      { ...manifest!, date: DATE, time: TIME, attributes: 0x81a40000 },
      { ...background!, method: 0, date: DATE, time: TIME },
      { ...icon!, date: DATE, time: TIME, method: 8 },
    ]);
    const result = compareZips(original, rezipped);
    expect(result.identical).toBe(false);
    expect(result.sameContent).toBe(true);
    expect(result.changed).toEqual([]);
    const notes = result.container.join('\n');
    expect(notes).toContain('entries are in another order (from entry 1: background.js / manifest.json)');
    expect(notes).toContain('timestamps differ on 3 of 3 entries (e.g. background.js: none (0) / 2026-12-05 20:59:12)');
    expect(notes).toContain('compression methods differ on 2 of 3 entries');
    expect(notes).toContain('file attributes (permissions) differ on 1 of 3 entries');
    const lines = describeComparison(result, ['original', 'rebuilt']);
    expect(lines[0]).toMatch(/^Same 3 files with the same contents, but the zip files themselves differ/);
    expect(lines.at(-1)).toMatch(/rebuild matches/);
  });

  it('names a file whose content differs, where, and shows both sides', () => {
    const changed = files().map((e) => (e.name === 'manifest.json' ? { ...e, data: MANIFEST.replace('0.1.0', '0.1.1') } : e));
    const result = compareZips(makeZip(files()), makeZip(changed));
    expect(result.sameContent).toBe(false);
    expect(result.changed).toHaveLength(1);
    const [change] = result.changed;
    expect(change).toMatchObject({ name: 'manifest.json', at: MANIFEST.indexOf('0.1.0') + 4, text: true });
    expect(change!.first).toContain('0.1.0');
    expect(change!.second).toContain('0.1.1');
    const text = describeComparison(result, ['original', 'rebuilt']).join('\n');
    expect(text).toContain('The files differ between original and rebuilt.\nWhat differs:\n');
    expect(text).toContain(`manifest.json: ${MANIFEST.length} / ${MANIFEST.length} bytes, first difference at byte ${change!.at}`);
  });

  it('shows a binary file’s difference in hex, and says when a file holds the folder it was built in', () => {
    const other = Buffer.from(ICON);
    other[8] = 0xff;
    const built = (folder: string) => makeZip([{ name: 'background.js', data: `import "${folder}/src/x";` }, { name: 'icon/16.png', data: other, method: 0 }]);
    const first = makeZip([{ name: 'background.js', data: 'import "/home/a/wallet/src/x";' }, { name: 'icon/16.png', data: ICON, method: 0 }]);
    const result = compareZips(first, built('/tmp/amo-1'), { folders: ['/home/a/wallet', '/tmp/amo-1'] });
    const icon = result.changed.find((c) => c.name === 'icon/16.png')!;
    expect(icon).toMatchObject({ text: false, at: 8, first: ICON.subarray(8).toString('hex'), second: other.subarray(8).toString('hex') });
    const background = result.changed.find((c) => c.name === 'background.js')!;
    expect(background.reasons).toEqual([
      'the first holds the path of the folder it was built in (/home/a/wallet)',
      'the second holds the path of the folder it was built in (/tmp/amo-1)',
    ]);
  });

  it('pairs a chunk named by its content’s hash with its new name, and shows why its content differs', () => {
    const build = (folder: string, hash: string) =>
      makeZip([
        { name: `chunks/popup-${hash}.js`, data: `var t=\`${folder}/src/ui/shared/brand.tsx\`;` },
        { name: 'popup.html', data: `<script type="module" src="/chunks/popup-${hash}.js"></script>` },
      ]);
    const result = compareZips(build('/home/a/wallet', 'dDXhRyjU'), build('/tmp/amo-1', 'Kyl-TX_N'), { folders: ['/home/a/wallet', '/tmp/amo-1'] });
    expect(result.onlyInFirst).toEqual([]);
    expect(result.onlyInSecond).toEqual([]);
    const chunk = result.changed.find((c) => c.name === 'chunks/popup-dDXhRyjU.js')!;
    expect(chunk.other).toBe('chunks/popup-Kyl-TX_N.js');
    expect(chunk.reasons).toEqual([
      'named by a hash of its content, so a change renames it',
      'the first holds the path of the folder it was built in (/home/a/wallet)',
      'the second holds the path of the folder it was built in (/tmp/amo-1)',
    ]);
    const text = describeComparison(result, ['original', 'rebuilt']).join('\n');
    expect(text).toContain('Why, in short:\n  - named by a hash of its content, so a change renames it\n');
    expect(text).toContain('chunks/popup-dDXhRyjU.js / chunks/popup-Kyl-TX_N.js: ');
    expect(text).toContain('popup.html: ');
    // Told no folders (--compare), it finds them in the files' absolute source paths.
    const guessed = compareZips(build('/home/a/wallet', 'dDXhRyjU'), build('/tmp/amo-1', 'Kyl-TX_N'));
    expect(guessed.causes).toEqual(chunk.reasons);
  });

  it('lists files only one zip has', () => {
    const result = compareZips(makeZip(files()), makeZip([...files().slice(1), { name: 'extra.js', data: '1' }]));
    expect(result.sameContent).toBe(false);
    expect(result.onlyInFirst).toEqual(['background.js']);
    expect(result.onlyInSecond).toEqual(['extra.js']);
    const text = describeComparison(result, ['original', 'rebuilt']).join('\n');
    expect(text).toContain('only in original: background.js');
    expect(text).toContain('only in rebuilt: extra.js');
  });

  it('counts a file listed twice as a difference, whatever the other zip holds', () => {
    const result = compareZips(makeZip(files()), makeZip([...files(), { name: 'manifest.json', data: '{}' }]));
    expect(result.sameContent).toBe(false);
    expect(result.duplicates).toEqual(['manifest.json (twice in the second)']);
  });

  it('notices an archive comment, the one difference outside the entries', () => {
    const result = compareZips(makeZip(files()), makeZip(files(), 'made elsewhere'));
    expect(result).toMatchObject({ identical: false, sameContent: true, container: ['the archive comments differ'] });
  });
});

describe('the sources zip', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('unpacks into a folder, UTF-8 names and all', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'amo-test-'));
    dirs.push(dir);
    const zip = makeZip([{ name: 'package.json', data: '{}' }, { name: 'tests/fixtures/@bob🛠.atKeys', data: 'keys' }]);
    expect(await extractZip(zip, dir)).toBe(2);
    expect(await readFile(path.join(dir, 'tests', 'fixtures', '@bob🛠.atKeys'), 'utf8')).toBe('keys');
  });

  it('refuses entry names that would land outside the folder', async () => {
    for (const name of ['../evil', 'a/../../evil', '/etc/passwd', 'C:/x', 'a\\b', 'a//b', './a']) {
      expect(() => safeEntryPath(name), name).toThrow(ZipError);
    }
    expect(safeEntryPath('src/a.ts')).toBe('src/a.ts');
    expect(safeEntryPath('src/')).toBe('src');
    const dir = await mkdtemp(path.join(tmpdir(), 'amo-test-'));
    dirs.push(dir);
    await expect(extractZip(makeZip([{ name: '../outside', data: 'x' }]), dir)).rejects.toThrow(/unsafe path/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('must hold what npm ci needs, and nothing installed or built', () => {
    expect(checkSources(['package.json', 'package-lock.json', 'wxt.config.ts', 'src/a.ts', 'docs/dist/a.md'])).toEqual([]);
    expect(checkSources(['package.json', 'node_modules/x/index.js', 'packages/sdk/dist/index.js', '.output/a.zip'])).toEqual([
      'package-lock.json is missing',
      'wxt.config.ts is missing',
      'installed packages should not be there (node_modules/x/index.js)',
      '.output/ is built, and should not be there (.output/a.zip)',
      'packages/sdk/dist/ is built, and should not be there (packages/sdk/dist/index.js)',
    ]);
  });

  it('is named as WXT names it', () => {
    expect(zipNames({ name: 'atsign-wallet', version: '0.1.0' })).toEqual({
      extension: 'atsign-wallet-0.1.0-firefox.zip',
      sources: 'atsign-wallet-0.1.0-sources.zip',
    });
  });
});

const WHOLE = process.env.CI === 'true' || process.env.AMO_REBUILD === '1';

describe.runIf(WHOLE)('npm run build:amo, the whole way', () => {
  it('rebuilds from the sources zip alone an extension zip with the same files', () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build-amo.mjs'], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 600_000 });
    expect(status, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/^(Identical: |Same \d+ files with the same contents)/m);
  }, 600_000);
});
