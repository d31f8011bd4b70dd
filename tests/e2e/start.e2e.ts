// `npm start`, as the README gives it to a person: it builds the wallet for
// both browsers, starts the local atPlatform, serves the demo site, and says
// where each is. The test takes those places from what it printed: it loads
// the wallet from the folder named for each browser, signs in on the demo at
// the address printed, sees the sign-in confirmed by the atServer of the
// atPlatform that npm start started, and stops everything with Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { fillPersona, walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  chromeFolder: string;
  firefoxManifest: string;
  demo: string;
  root: string;
  atSigns: string[];
}

let child: ChildProcess;
let printed = '';
let started: Started;

/** What npm start printed after `label`, on the next line. */
function after(label: string): string {
  const found = new RegExp(`${label}\\s*\\n\\s*(\\S.*)`).exec(printed)?.[1]?.trim();
  if (!found) throw new Error(`npm start did not print anything after "${label}":\n${printed}`);
  return found;
}

/** Whether anything still listens on host:port. */
function listening(address: string): Promise<boolean> {
  const { hostname, port } = new URL(`tcp://${address}`);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  // Any free port for the demo; the atPlatform's own, as a person gets it.
  const env: Record<string, string | undefined> = { ...process.env, PORT: '0' };
  delete env.ATSIGN_ROOT;
  delete env.ATSIGN_ROOT_CA;
  // Its own process group, so that Ctrl-C can be sent to the whole of it, as a terminal does.
  child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const ready = setInterval(() => {
      if (printed.includes('Press Ctrl-C to stop.')) {
        clearInterval(ready);
        resolve();
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(ready);
      reject(new Error(`npm start ended (exit code ${String(code)}) before it was ready:\n${printed}`));
    });
  });
  const platform = /root (\S+), knowing (.+)/.exec(printed);
  started = {
    chromeFolder: after('choose this folder:'),
    firefoxManifest: after('choose this file:'),
    demo: after(String.raw`Demo site \(a third-party page that uses the SDK\)`),
    root: platform?.[1] ?? '',
    atSigns: platform?.[2]?.split(', ') ?? [],
  };
}, 180_000);

afterAll(() => {
  // Whatever a failed test left running.
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
});

describe('npm start', () => {
  it('says where the wallet is for each browser, where the demo is, and which atPlatform confirms sign-ins', () => {
    expect(printed).toContain('atSign Wallet is built.');
    expect(existsSync(`${started.chromeFolder}/manifest.json`)).toBe(true);
    expect(started.firefoxManifest).toMatch(/manifest\.json$/);
    expect(existsSync(started.firefoxManifest)).toBe(true);
    expect(started.demo).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(started.root).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(started.atSigns).toEqual(expect.arrayContaining(['@barbara', '@alice🛠', '@bob🛠']));
  });
});

describe.each(browserNames)('%s: the wallet npm start built, on the demo it serves', (browserName) => {
  let wallet: WalletBrowser;

  beforeAll(async () => {
    const folder = browserName === 'chromium' ? started.chromeFolder : dirname(started.firefoxManifest);
    // A person's browser: the wallet from that folder, and no test certificate authority.
    wallet = await launchWallet(browserName, { extensionDir: folder, trustCa: null });
    await walletWithAtSign(wallet);
    await fillPersona(wallet, 'Public', { name: 'Barbara', email: 'barbara@example.org' });
  });
  afterAll(async () => {
    await wallet?.close();
  });

  it('signs in, confirmed by the atServer of the atPlatform npm start started', async () => {
    const page = await wallet.newPage(started.demo);
    await page.clickRole('button', 'Sign in with atSign');
    const signIn = await ApprovalPage.waitFor(wallet);
    await signIn.choose({ persona: 'Public', duration: '1 hour' });
    await signIn.approve();
    await expect.poll(() => page.textOf('#account-heading'), { timeout: 15_000 }).toBe('Signed in as @barbara');
    expect(await page.textOf('#key-source')).toBe('Confirmed by @barbara’s atServer.');
    await page.close();
  });
});

describe('Ctrl-C', () => {
  it('stops the demo site and the local atPlatform, and npm start ends', async () => {
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid!, 'SIGINT');
    await ended;
    // npm itself ends by the signal, as it does for any script stopped with Ctrl-C; the script stops its servers first.
    expect(printed).toContain('Stopping the demo server…');
    expect(printed).not.toMatch(/✖|Error/);
    const demo = new URL(started.demo).host;
    await expect.poll(() => listening(demo)).toBe(false);
    await expect.poll(() => listening(started.root)).toBe(false);
  });
});
