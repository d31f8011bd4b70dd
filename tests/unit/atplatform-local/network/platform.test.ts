// startLocalAtPlatform with the real atServer core and the demo .atKeys:
// the root finds each atServer, and each atServer answers
// `lookup:publickey@…` with the fixture's encryption public key through all
// three doors — raw TLS, the WebSocket and HTTPS GET. Then stop()/start() of
// one atServer, and stop() of the whole platform.
import { createDecipheriv, createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../../testing/atplatform/index.mjs';
import { httpsGet, openLines, openWebSocket, prompted } from './support';

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/atkeys');
const fixtures = JSON.parse(readFileSync(path.join(FIXTURES, 'fixtures.json'), 'utf8')) as {
  files: Array<{ file: string; atSign: string; encryptionPublicKeySha256: string }>;
};

/** The fixture's encryption public key as the atServer holds it: base64 DER, decrypted here as DESIGN §2 says. */
function encryptionPublicKey(file: string): string {
  const atKeys = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Record<string, string>;
  const decipher = createDecipheriv('aes-256-ctr', Buffer.from(atKeys.selfEncryptionKey!, 'base64'), Buffer.alloc(16));
  const padded = Buffer.concat([decipher.update(Buffer.from(atKeys.aesEncryptPublicKey!, 'base64')), decipher.final()]);
  return padded.subarray(0, padded.length - padded[padded.length - 1]!).toString('utf8');
}

let platform: LocalAtPlatform;

beforeAll(async () => {
  platform = await startLocalAtPlatform({
    atKeys: fixtures.files.map((entry) => path.join(FIXTURES, entry.file)),
    unactivated: [{ atSign: '@carol', cramSecret: 'a-cram-secret' }],
  });
}, 60_000);
afterAll(async () => {
  await platform?.stop();
});

describe('startLocalAtPlatform', () => {
  it('serves every atSign on its own loopback port, and a root that knows them all', async () => {
    expect(Object.keys(platform.atServers).sort()).toEqual(['@alice🛠', '@barbara', '@bob🛠', '@carol']);
    const root = await openLines(platform.root, { ca: platform.ca });
    expect(await root.read(prompted)).toBe('@');
    for (const [atSign, address] of Object.entries(platform.atServers)) {
      expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
      root.send(`${atSign.slice(1)}\n`);
      expect(await root.read(prompted)).toBe(`${address}\r\n@`);
    }
    root.send('nobody\n');
    expect(await root.read(prompted)).toBe('null\r\n@');
    root.close();
    const https = await httpsGet(platform.root, `/${encodeURIComponent('@bob🛠')}`, platform.ca);
    expect([https.status, https.text]).toEqual([200, platform.atServers['@bob🛠']]);
  });

  it('writes the CA to caPath', () => {
    expect(readFileSync(platform.caPath, 'utf8')).toBe(platform.ca);
  });

  for (const { file, atSign, encryptionPublicKeySha256 } of fixtures.files) {
    it(`answers lookup:publickey${atSign} with the fixture's key through all three doors`, async () => {
      const key = encryptionPublicKey(file);
      expect(createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex')).toBe(encryptionPublicKeySha256);
      const address = platform.atServers[atSign]!;

      const raw = await openLines(address, { ca: platform.ca, ALPNProtocols: ['atProtocol/1.0'] });
      expect(await raw.read(prompted)).toBe('@');
      raw.send(`lookup:publickey${atSign}\n`);
      expect(await raw.read(prompted)).toBe(`data:${key}\n@`);
      raw.close();

      const ws = await openWebSocket(address, platform.ca);
      expect(await ws.next()).toBe('@');
      ws.ws.send(`lookup:publickey${atSign}\n`);
      expect(await ws.next()).toBe(`data:${key}\n@`);
      ws.ws.close();

      const https = await httpsGet(address, '/publickey', platform.ca);
      expect([https.status, https.text, https.headers['content-type']]).toEqual([200, key, 'text/plain; charset=utf-8']);
      expect(https.headers['access-control-allow-origin']).toBeUndefined();
    });
  }

  it('answers GET /publickey?at_rt=meta with the key\'s metadata as JSON', async () => {
    const reply = await httpsGet(platform.atServers['@bob🛠']!, '/publickey?at_rt=meta', platform.ca);
    expect([reply.status, reply.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
    expect(JSON.parse(reply.text)).toMatchObject({ createdBy: '@bob🛠' });
    expect((await httpsGet(platform.atServers['@bob🛠']!, '/nothing', platform.ca)).status).toBe(404);
  });

  it('finds an atServer by its atSign however it is written, and throws for one it does not serve', () => {
    expect(platform.atServer('@ALICE🛠').address).toBe(platform.atServers['@alice🛠']);
    expect(platform.atServer('bob🛠').atSign).toBe('@bob🛠');
    expect(platform.atServer('@carol').core.atSign).toBe('@carol');
    expect(() => platform.atServer('@nobody')).toThrow(/@nobody/);
    expect(() => platform.atServer('not an atSign')).toThrow();
  });

  it('stops one atServer (the port refuses, the root still answers) and starts it on the same port with its data', async () => {
    const alice = platform.atServer('@alice🛠');
    const { port, address } = alice;
    const open = await openLines(address, { ca: platform.ca });
    await open.read(prompted);
    await alice.stop();
    await open.closed;
    await expect(openLines(address, { ca: platform.ca })).rejects.toThrow(/ECONNREFUSED/);
    expect((await httpsGet(platform.root, `/${encodeURIComponent('alice🛠')}`, platform.ca)).text).toBe(address);

    await alice.start();
    expect(alice.port).toBe(port);
    const again = await openLines(address, { ca: platform.ca });
    expect(await again.read(prompted)).toBe('@');
    again.send('lookup:publickey@alice🛠\n');
    expect(await again.read(prompted)).toBe(`data:${encryptionPublicKey('@alice🛠.atKeys')}\n@`);
    again.close();
  });
});

describe('stop()', () => {
  it('closes every port and removes the CA file', async () => {
    const other = await startLocalAtPlatform({ atKeys: [path.join(FIXTURES, '@barbara.atKeys')] });
    const { root, caPath, ca } = other;
    const barbara = other.atServers['@barbara']!;
    const open = await openLines(barbara, { ca });
    await open.read(prompted);
    await other.stop();
    await open.closed;
    expect(existsSync(caPath)).toBe(false);
    await expect(openLines(root, { ca })).rejects.toThrow(/ECONNREFUSED/);
    await expect(openLines(barbara, { ca })).rejects.toThrow(/ECONNREFUSED/);
    await other.stop(); // a second stop is harmless
  }, 60_000);

  it('keeps each atSign in <dataDir>/<atSign>.json when given a data directory', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'atplatform-data-'));
    try {
      const first = await startLocalAtPlatform({ atKeys: [path.join(FIXTURES, '@barbara.atKeys')], dataDir });
      await first.stop();
      expect(existsSync(path.join(dataDir, '@barbara.json'))).toBe(true);
      const second = await startLocalAtPlatform({ atKeys: [path.join(FIXTURES, '@barbara.atKeys')], dataDir });
      try {
        const reply = await httpsGet(second.atServers['@barbara']!, '/publickey', second.ca);
        expect(reply.text).toBe(encryptionPublicKey('@barbara.atKeys'));
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses input it cannot use, naming what is wrong', async () => {
    await expect(startLocalAtPlatform({ atKeys: ['tests/fixtures/atkeys/@nobody.atKeys'] })).rejects.toThrow(/@nobody\.atKeys.*no such file/);
    await expect(startLocalAtPlatform({ atKeys: [path.join(FIXTURES, 'fixtures.json')] })).rejects.toThrow(/does not say which atSign/);
    await expect(startLocalAtPlatform({ unactivated: [{ atSign: '@a:b', cramSecret: 'x' }] })).rejects.toThrow(/reserved/);
    await expect(
      startLocalAtPlatform({ atKeys: [path.join(FIXTURES, '@barbara.atKeys')], unactivated: [{ atSign: '@Barbara', cramSecret: 'x' }] }),
    ).rejects.toThrow(/@barbara is given more than once/);
  });
});
