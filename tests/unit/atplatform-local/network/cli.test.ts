// The CLI as another program uses it: spawn it, read its first line (one JSON
// object), connect to what it names with the CA file it names, then stop it
// with a signal and see it exit cleanly. Bad input: one line, exit code 2.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openLines, prompted } from './support';

const CLI = path.resolve(process.cwd(), 'testing/atplatform/cli.mjs');
const ALICE = 'tests/fixtures/atkeys/@alice🛠.atKeys';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      // A detached child leads its own process group: end the whole group.
      if (child.spawnargs[0] === 'npm') process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    }
  }
});

/** Starts the CLI with `args`: itself, or the way the README says, through `npm run -s atplatform --`. */
function run(args: string[], { viaNpm = false } = {}) {
  const child = viaNpm
    ? // Its own process group, to be stopped as a terminal's Ctrl-C stops it: npm leaves its child running when only npm is told.
      spawn('npm', ['run', '-s', 'atplatform', '--', ...args], { cwd: process.cwd(), detached: true })
    : spawn(process.execPath, [CLI, ...args], { cwd: process.cwd() });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line));
    child.on('close', () => reject(new Error(`The CLI exited before its first line: ${stderr}`)));
  });
  // Runs that are meant to fail never print a first line; only a test that awaits it should see that.
  firstLine.catch(() => {});
  return { child, exited, firstLine };
}

describe('npm run atplatform', () => {
  it('prints one JSON object first, serves it, and stops cleanly on SIGTERM', async () => {
    const { child, exited, firstLine } = run([ALICE, '--unactivated', '@carol:s3cr:et']);
    const started = JSON.parse(await firstLine) as { root: string; ca: string; atServers: Record<string, string> };
    expect(Object.keys(started).sort()).toEqual(['atServers', 'ca', 'root']);
    expect(Object.keys(started.atServers).sort()).toEqual(['@alice🛠', '@carol']);
    const ca = readFileSync(started.ca, 'utf8');
    expect(ca).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const root = await openLines(started.root, { ca });
    await root.read(prompted);
    root.send('alice🛠\n');
    expect(await root.read(prompted)).toBe(`${started.atServers['@alice🛠']}\r\n@`);
    root.close();
    const alice = await openLines(started.atServers['@alice🛠']!, { ca });
    expect(await alice.read(prompted)).toBe('@');

    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    await alice.closed;
    expect(existsSync(started.ca)).toBe(false);
  }, 60_000);

  it('prints the same first line through `npm run -s atplatform --`, and stops with npm', async () => {
    const { child, exited, firstLine } = run([ALICE], { viaNpm: true });
    const started = JSON.parse(await firstLine) as { root: string; ca: string; atServers: Record<string, string> };
    expect(Object.keys(started.atServers)).toEqual(['@alice🛠']);
    const root = await openLines(started.root, { ca: readFileSync(started.ca, 'utf8') });
    await root.read(prompted);
    root.send('alice🛠\n');
    expect(await root.read(prompted)).toBe(`${started.atServers['@alice🛠']}\r\n@`);
    root.close();
    process.kill(-child.pid!, 'SIGINT');
    await exited;
    // The platform took its CA file away as it stopped.
    expect(existsSync(started.ca)).toBe(false);
  }, 60_000);

  it('stops cleanly on SIGINT too', async () => {
    const { child, exited, firstLine } = run([ALICE]);
    await firstLine;
    child.kill('SIGINT');
    expect((await exited).code).toBe(0);
  }, 60_000);

  it('names a missing file in one line and exits with 2', async () => {
    const { exited } = run([ALICE, 'tests/fixtures/atkeys/@nobody.atKeys']);
    const { code, stderr } = await exited;
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('tests/fixtures/atkeys/@nobody.atKeys');
  }, 60_000);

  it('exits with 2 on arguments it does not know, or nothing to serve', async () => {
    expect((await run(['--port', '5']).exited).code).toBe(2);
    expect((await run([]).exited).code).toBe(2);
    expect((await run(['--unactivated', 'nosecret']).exited).code).toBe(2);
  }, 60_000);
});
