// The local atPlatform: a test CA, one atServer per atSign (its core from
// ./atserver, its doors from ./doors.mjs) and a root that knows them all, on
// loopback ports the OS picks. Test infrastructure standing in for
// root.atsign.org and the atServers, which cannot run here (README.md).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatherAtSigns, normaliseAtSign } from './atkeys-input.mjs';
import { createAtServerCore } from './atserver/index.mjs';
import { createTestCa } from './ca.mjs';
import { createAtServerDoors } from './doors.mjs';
import { startRoot } from './root.mjs';

/** The names a certificate must carry: 127.0.0.1 and localhost always, and the host served on. */
function namesFor(host) {
  const ips = new Set(['127.0.0.1']);
  const hosts = new Set(['localhost']);
  (isIP(host) ? ips : hosts).add(host);
  return { ips: [...ips], hosts: [...hosts] };
}

/** Runs every clean-up, even when one fails, then reports the first failure. */
async function runAll(steps) {
  const results = await Promise.allSettled(steps.map((step) => step()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * @param {{
 *   atKeys?: Array<string | Record<string, unknown>>,
 *   unactivated?: Array<{ atSign: string, cramSecret: string }>,
 *   dataDir?: string,
 *   host?: string,
 * }} [options]
 */
export async function startLocalAtPlatform(options = {}) {
  const { dataDir, host = '127.0.0.1' } = options;
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir === '')) throw new TypeError('dataDir must be a directory path.');
  const wanted = await gatherAtSigns(options);
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });

  /** What is running so far, stopped in reverse if a later step fails. */
  const cleanups = [];
  const cleanUp = async () => {
    const steps = cleanups.splice(0).reverse();
    for (const step of steps) await step().catch(() => {});
  };
  try {
    const ca = await createTestCa();
    const tempDir = await mkdtemp(path.join(tmpdir(), 'atplatform-'));
    cleanups.push(() => rm(tempDir, { recursive: true, force: true }));
    const caPath = path.join(tempDir, 'ca.pem');
    await writeFile(caPath, ca.certPem);

    // Settled, not all: every atServer that did start is registered for clean-up before a failure is thrown.
    const started = await Promise.allSettled(
      wanted.map(async (entry) => {
        const core = await createAtServerCore({
          atSign: entry.atSign,
          ...(entry.atKeys === undefined ? { cramSecret: entry.cramSecret } : { atKeys: entry.atKeys }),
          // One file per atSign; an atSign has no '/' or control characters, so its name is a safe file name.
          ...(dataDir === undefined ? {} : { dataFile: path.join(dataDir, `${entry.atSign}.json`) }),
        });
        cleanups.push(async () => core.close());
        const { certPem, keyPem } = await ca.issue(namesFor(host));
        const server = createAtServerDoors({ core, key: keyPem, cert: certPem, ca: ca.certPem, host });
        await server.start();
        cleanups.push(() => server.stop());
        return server;
      }),
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const atServers = started.map((result) => result.value);

    // The root's store is keyed by the atSign without its '@', as at_root_server's is.
    const directory = new Map(atServers.map((server) => [server.core.atSign.slice(1), server.address]));
    const rootCert = await ca.issue(namesFor(host));
    const root = await startRoot({ directory, key: rootCert.keyPem, cert: rootCert.certPem, host });
    cleanups.push(() => root.stop());

    const byAtSign = new Map(atServers.map((server) => [server.core.atSign, server]));
    let stopping = null;
    return {
      root: root.address,
      ca: ca.certPem,
      caPath,
      atServers: Object.fromEntries(atServers.map((server) => [server.core.atSign, server.address])),
      atServer(atSign) {
        let normalised = null;
        try {
          normalised = normaliseAtSign(atSign);
        } catch {
          // Not an atSign at all: it cannot be one served here either.
        }
        const server = (normalised === null ? undefined : byAtSign.get(normalised)) ?? byAtSign.get(String(atSign));
        if (server === undefined) throw new Error(`This local atPlatform does not serve ${String(atSign)}.`);
        return server;
      },
      stop() {
        stopping ??= (async () => {
          await runAll([
            () => root.stop(),
            // Each core is closed once its doors are: its sessions have ended by then.
            ...atServers.map((server) => async () => {
              await server.stop();
              await server.core.close();
            }),
            () => rm(tempDir, { recursive: true, force: true }),
          ]);
        })();
        return stopping;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
