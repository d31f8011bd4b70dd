import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from './types';

const OUTPUT = fileURLToPath(new URL('../../../.output/', import.meta.url));

/** The built, unpacked extension each browser loads (npm run build makes them). */
export function extensionDir(name: BrowserName): string {
  const dir = OUTPUT + (name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`No build in ${dir}: run "npm run build" first.`);
  return dir;
}
