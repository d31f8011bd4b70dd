// Vitest global setup for the end-to-end run: one local atPlatform (a root and
// an atServer for each demo atSign in tests/fixtures/atkeys) for every test
// file, stopped when the run ends. Tests read where it is with
// inject('atPlatform'), and give it to the demo site's server.
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
}

declare module 'vitest' {
  export interface ProvidedContext {
    atPlatform: ProvidedAtPlatform;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.atKeys')).map((name) => path.join(FIXTURES, name));
  const platform = await startLocalAtPlatform({ atKeys: files });
  project.provide('atPlatform', { root: platform.root, ca: platform.ca, atServers: platform.atServers });
  return () => platform.stop();
}
