import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserName, LaunchOptions } from './types';

// E2E_OUTPUT names another build folder (a copy of .output/), so a run can
// go on while the project is being rebuilt.
const OUTPUT = process.env.E2E_OUTPUT?.replace(/\/?$/, '/') ?? fileURLToPath(new URL('../../../.output/', import.meta.url));

/** The built, unpacked extension each browser loads (npm run build makes them). */
/** The e2e build (`--mode e2e`) has a clock tests can move: src/background/test-clock.ts. */
export function extensionDir(name: BrowserName, build: LaunchOptions['build'] = 'shipped'): string {
  const dir = OUTPUT + (name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3') + (build === 'e2e' ? '-e2e' : '');
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`No build in ${dir}: run "npm run build" first.`);
  return dir;
}
