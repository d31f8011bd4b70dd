// Builds the site SDK (packages/sdk) into what the package exports as
// `@atsign-wallet/sdk`: plain ES module JavaScript (packages/sdk/dist/index.js,
// and dist/node.js for Node, which reaches the atPlatform over TLS; by Vite's
// library mode) and type declarations (dist/index.d.ts and node.d.ts, by tsc).
// The Better Auth plugin has entries of its own (dist/better-auth.js and
// better-auth-client.js, for the subpaths `/better-auth` and
// `/better-auth/client`), so that only they import Better Auth.
// The source is TypeScript with extensionless imports, which Node cannot
// load; the build can be imported by Node 20+ and any bundler. The wallet's
// shared code the SDK uses (src/shared, src/keys, src/atplatform) is bundled
// in; the package's own dependencies (@noble/ed25519) and peers (better-auth)
// stay imports.
//
//   node scripts/build-sdk.mjs             build (npm run build:sdk)
//   node scripts/build-sdk.mjs --if-stale  build only if a source is newer than the build
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = path.join(root, 'packages/sdk');
const OUT = path.join(pkgDir, 'dist');
/** Written last: its time is the build's. */
const STAMP = path.join(OUT, 'index.d.ts');
/** Besides the sources, what shapes the build. */
const BUILD_INPUTS = ['packages/sdk/package.json', 'tsconfig.json', 'packages/sdk/tsconfig.build.json', 'scripts/build-sdk.mjs'];

/** Each built entry (dist/<name>.js and .d.ts) and its source. */
const ENTRIES = {
  index: 'src/index.ts',
  node: 'src/node.ts',
  'better-auth': 'src/better-auth/index.ts',
  'better-auth-client': 'src/better-auth/client.ts',
};

const mtime = (file) => stat(file).then((s) => s.mtimeMs, () => null);

async function buildJs(outDir) {
  const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8'));
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      lib: {
        entry: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(pkgDir, source)])),
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: {
        external: (id) => id.startsWith('node:') || deps.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      },
    },
  });
}

function buildTypes(declarationDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'packages/sdk/tsconfig.build.json', '--declarationDir', declarationDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with code ${code}`))));
  });
}

/** Every .d.ts under `dir`. */
async function declarations(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.d.ts')).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * The source's imports have no extensions, which TypeScript's node16/nodenext
 * resolution refuses in ES modules: name each relative import's file.
 */
async function addExtensions(dir) {
  for (const file of await declarations(dir)) {
    const text = await readFile(file, 'utf8');
    const out = text.replace(/(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g, (all, lead, q, spec) => {
      if (/\.m?js$/.test(spec)) return all;
      const base = path.resolve(path.dirname(file), spec);
      if (existsSync(`${base}.d.ts`)) return `${lead}${q}${spec}.js${q}`;
      if (existsSync(path.join(base, 'index.d.ts'))) return `${lead}${q}${spec}/index.js${q}`;
      throw new Error(`${path.relative(root, file)}: cannot resolve ${spec}`);
    });
    if (out !== text) await writeFile(file, out);
  }
}

/** True if there is no build, or a source it was made from (or the build's own setup) changed since. */
export async function sdkIsStale() {
  const built = await mtime(STAMP);
  if (built === null) return true;
  const typesDir = path.join(OUT, 'types');
  // tsc declares every source file the SDK reaches, type-only imports too, under the same relative path.
  const sources = (await declarations(typesDir).catch(() => [])).map((d) => {
    const rel = path.relative(typesDir, d).replace(/\.d\.ts$/, '');
    return [path.join(root, `${rel}.ts`), path.join(root, `${rel}.tsx`)];
  });
  if (sources.length === 0) return true;
  for (const candidates of sources) {
    const times = (await Promise.all(candidates.map(mtime))).filter((t) => t !== null);
    if (times.length === 0 || Math.max(...times) > built) return true;
  }
  for (const input of BUILD_INPUTS) if (((await mtime(path.join(root, input))) ?? Infinity) > built) return true;
  return false;
}

/** Builds into a fresh folder, then puts it in place of dist, so a reader never sees half a build. */
export async function buildSdk() {
  await mkdir(pkgDir, { recursive: true });
  const tmp = path.join(pkgDir, `.dist-${process.pid}-${Date.now()}`);
  try {
    await Promise.all([buildJs(tmp), buildTypes(path.join(tmp, 'types'))]);
    await addExtensions(path.join(tmp, 'types'));
    // index.d.ts last: it is the build's time stamp.
    for (const name of [...Object.keys(ENTRIES).filter((n) => n !== 'index'), 'index']) {
      const source = ENTRIES[name].replace(/\.ts$/, '.js');
      await writeFile(path.join(tmp, `${name}.d.ts`), `export * from './types/packages/sdk/${source}';\n`);
    }
    await rm(OUT, { recursive: true, force: true });
    await rename(tmp, OUT);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return OUT;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const where = path.relative(process.cwd(), OUT) || '.';
  if (process.argv.includes('--if-stale') && !(await sdkIsStale())) {
    console.log(`SDK in ${where} is up to date`);
  } else {
    await buildSdk();
    console.log(`SDK built in ${where} (${Date.now() - started} ms)`);
  }
}
