// Makes a browser trust the local atPlatform's test certificate authority the
// way a person's browser trusts a real one: in its NSS certificate database,
// so TLS verification stays on for every connection the wallet makes.
// Chromium reads the database in $HOME/.pki/nssdb (the tests give it a HOME of
// its own); Firefox reads the one in its profile folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowsers } from '../../../scripts/browsers.mjs';

/**
 * Creates an NSS database in `dir` (made if missing) that trusts `caPem` to
 * identify servers. A database already there (a restarted browser's) is kept.
 */
export function trustCaIn(dir: string, caPem: string): void {
  if (existsSync(join(dir, 'cert9.db'))) return;
  const certutil = findBrowsers().certutil;
  if (!certutil) throw new Error('certutil was not found: run "node scripts/browsers.mjs"');
  mkdirSync(dir, { recursive: true });
  const caFile = join(dir, 'atplatform-test-ca.pem');
  writeFileSync(caFile, caPem);
  const db = `sql:${dir}`;
  execFileSync(certutil, ['-N', '-d', db, '--empty-password'], { stdio: 'pipe' });
  // "C,,": a certificate authority trusted for servers, and for nothing else.
  execFileSync(certutil, ['-A', '-d', db, '-n', 'atSign Wallet local atPlatform test CA', '-t', 'C,,', '-i', caFile], { stdio: 'pipe' });
}
