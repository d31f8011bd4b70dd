// Builds the demo site into one folder: demo/public as is, plus demo/app.ts
// bundled (with the SDK it imports) to app.js. Vite's library mode gives one
// ES module with no HTML rewriting, so the page keeps its plain <script src>.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const demoDir = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_DEMO_OUT = path.resolve(demoDir, '../.output/demo');

/** Builds the demo into `outDir` (default .output/demo) and returns that folder. */
export async function buildDemo({ outDir = DEFAULT_DEMO_OUT } = {}) {
  await build({
    configFile: false,
    root: demoDir,
    publicDir: path.join(demoDir, 'public'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: true,
      sourcemap: false,
      minify: false, // a demo people read in devtools
      lib: {
        entry: path.join(demoDir, 'app.ts'),
        formats: ['es'],
        fileName: () => 'app.js',
      },
    },
  });
  return outDir;
}
