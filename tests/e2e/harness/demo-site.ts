// The demo site as the end-to-end tests use it: built into a folder of its
// own and served on a free port, confirming sign-ins on the local atPlatform
// the run started (or on one a test started for itself). close() stops the
// server and removes the build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildDemo } from '../../../demo/build.mjs';
import { startDemoServer } from '../../../demo/server.mjs';

export interface DemoSite {
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startDemoSite(atPlatform: { root: string; ca: string } = inject('atPlatform')): Promise<DemoSite> {
  const outDir = await mkdtemp(join(tmpdir(), 'atsign-demo-'));
  try {
    const server = await startDemoServer({ port: 0, root: await buildDemo({ outDir }), atPlatform });
    return {
      url: server.url,
      origin: server.origin,
      close: async () => {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
