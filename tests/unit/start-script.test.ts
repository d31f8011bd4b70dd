// `npm start`'s settings are checked before anything is built: a mistake in
// ATSIGN_ROOT, ATSIGN_ROOT_CA or PORT is named at once, and nothing starts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const START = path.resolve(process.cwd(), 'scripts/start.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'start-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start`'s script with `env` added; it must stop on its own, quickly. */
function start(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['ATSIGN_ROOT', 'ATSIGN_ROOT_CA', 'PORT'].includes(name)));
  const run = spawnSync(process.execPath, [START], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 20_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm start refuses a setting it cannot use, before building anything', () => {
  it.each([
    [{ ATSIGN_ROOT: 'https://root.atsign.org' }, /ATSIGN_ROOT must be a root as host:port, e\.g\. root\.atsign\.org:64, got "https:\/\/root\.atsign\.org"/],
    [{ ATSIGN_ROOT_CA: '/nowhere/ca.pem' }, /ATSIGN_ROOT_CA is the certificate authority of the root ATSIGN_ROOT names: set both, or neither/],
    [{ ATSIGN_ROOT: 'root.example.net:64', ATSIGN_ROOT_CA: path.join(dir, 'missing.pem') }, /ATSIGN_ROOT_CA names a file that cannot be read \(ENOENT\)/],
    [{ PORT: '70000' }, /PORT must be a port number, got "70000"/],
  ])('%o', (env, message) => {
    const { code, stdout, stderr } = start(env);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stdout).not.toMatch(/Building/);
  });

  it('refuses a CA file that holds no certificate', () => {
    const file = path.join(dir, 'not-a-cert.pem');
    writeFileSync(file, 'hello\n');
    const { code, stderr, stdout } = start({ ATSIGN_ROOT: 'root.example.net:64', ATSIGN_ROOT_CA: file });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ATSIGN_ROOT_CA must be a PEM certificate file; .*not-a-cert\.pem holds none/);
    expect(stdout).not.toMatch(/Building/);
  });
});
