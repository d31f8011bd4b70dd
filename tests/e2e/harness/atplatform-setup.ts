// Vitest global setup for the end-to-end run: one local atPlatform (a root and
// an atServer for each demo atSign in tests/fixtures/atkeys, and atSigns
// waiting for activation, one per browser) for every test file, stopped when
// the run ends. Tests read where it is with
// inject('atPlatform'), and give it to the demo site's server.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startLocalAtPlatform } from '../../../testing/atplatform/index.mjs';

const FIXTURES = fileURLToPath(new URL('../../fixtures/atkeys/', import.meta.url));

export interface ProvidedAtPlatform {
  root: string;
  ca: string;
  atServers: Record<string, string>;
  /** atSigns not activated yet, by the browser whose tests activate them: their activation secrets. */
  unactivated: Record<'chromium' | 'firefox', { atSign: string; cramSecret: string }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    atPlatform: ProvidedAtPlatform;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.atKeys')).map((name) => path.join(FIXTURES, name));
  const unactivated = {
    chromium: { atSign: '@newchromium', cramSecret: randomBytes(32).toString('hex') },
    firefox: { atSign: '@newfirefox', cramSecret: randomBytes(32).toString('hex') },
  };
  const platform = await startLocalAtPlatform({ atKeys: files, unactivated: Object.values(unactivated) });
  project.provide('atPlatform', { root: platform.root, ca: platform.ca, atServers: platform.atServers, unactivated });
  return () => platform.stop();
}
