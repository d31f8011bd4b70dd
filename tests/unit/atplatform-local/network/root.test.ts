// The local root over real TLS with the test CA: the line protocol as
// at_root_server's RootClient answers it (prompt, lowercasing and trimming,
// `null`, `@exit`, slowed and then closed misses, its 255-character buffer)
// and, by ALPN http/1.1 on the same port, its HTTPS answer (200 host:port,
// 404, 302 onward, 401, no CORS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../../../testing/atplatform/ca.mjs';
import { ROOT_MISS_DELAY_MS, startRoot, type LocalRoot } from '../../../../testing/atplatform/root.mjs';
import { httpsGet, openLines } from './support';

const ALICE = '127.0.0.1:40001';
const BOB = '127.0.0.1:40002';
/** A root's reply: an answer, then the prompt. */
const answered = (text: string) => text.endsWith('\r\n@');

let ca: TestCa;
let root: LocalRoot;
const directory = new Map([
  ['alice🛠', ALICE],
  ['bob', BOB],
]);

beforeAll(async () => {
  ca = await createTestCa();
  const leaf = await ca.issue();
  // Misses are slowed only a little here; the real root's 3 s is the default.
  root = await startRoot({ directory, key: leaf.keyPem, cert: leaf.certPem, missDelayMs: 20 });
}, 30_000);
afterAll(async () => {
  await root?.stop();
});

const open = async () => {
  const client = await openLines(root.address, { ca: ca.certPem });
  expect(await client.read((text) => text === '@')).toBe('@');
  return client;
};

describe('the root over TLS', () => {
  it('slows misses by 3 s unless told otherwise, as at_root_server does', () => {
    expect(ROOT_MISS_DELAY_MS).toBe(3000);
  });

  it('answers a known atSign with host:port and the prompt', async () => {
    const client = await open();
    client.send('alice🛠\n');
    expect(await client.read(answered)).toBe(`${ALICE}\r\n@`);
    client.send('bob\n');
    expect(await client.read(answered)).toBe(`${BOB}\r\n@`);
    client.close();
  });

  it('answers null for an atSign it does not know', async () => {
    const client = await open();
    client.send('nobody\n');
    expect(await client.read(answered)).toBe('null\r\n@');
    client.close();
  });

  it('lowercases and trims what it is sent', async () => {
    const client = await open();
    client.send('  ALICE🛠 \t\r\n');
    expect(await client.read(answered)).toBe(`${ALICE}\r\n@`);
    client.close();
  });

  it('looks up the atSign as sent: with its @ it is not found', async () => {
    const client = await open();
    client.send('@bob\n');
    expect(await client.read(answered)).toBe('null\r\n@');
    client.close();
  });

  it('gathers text until the newline, even split inside a character', async () => {
    const client = await open();
    const bytes = Buffer.from('alice🛠\n', 'utf8');
    client.socket.write(bytes.subarray(0, 7));
    client.socket.write(bytes.subarray(7));
    expect(await client.read(answered)).toBe(`${ALICE}\r\n@`);
    client.close();
  });

  it('closes on @exit', async () => {
    const client = await open();
    client.send('@exit\n');
    await client.closed;
    expect(client.pending).toBe('');
  });

  it('still answers a second miss, and closes on the third', async () => {
    const client = await open();
    client.send('nobody\n');
    expect(await client.read(answered)).toBe('null\r\n@');
    client.send('nobody2\n');
    expect(await client.read(answered)).toBe('null\r\n@');
    client.send('alice🛠\n');
    expect(await client.read(answered)).toBe(`${ALICE}\r\n@`);
    client.send('nobody3\n');
    await client.closed;
    expect(client.pending).toBe('');
  });

  it('closes when more than 255 characters wait for a newline', async () => {
    const client = await open();
    client.send('a'.repeat(256));
    await client.closed;
    expect(client.pending).toBe('');
  });

  it('refuses a client that does not trust the test CA', async () => {
    await expect(openLines(root.address, {})).rejects.toThrow(/certificate|self.signed|issuer/i);
  });
});

describe('the root over HTTPS (ALPN http/1.1)', () => {
  it('answers GET /@alice and /alice with 200 host:port, and no CORS header', async () => {
    for (const path of [`/${encodeURIComponent('@alice🛠')}`, `/${encodeURIComponent('alice🛠')}`, '/bob']) {
      const reply = await httpsGet(root.address, path, ca.certPem);
      expect([path, reply.status, reply.text]).toEqual([path, 200, path === '/bob' ? BOB : ALICE]);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it('answers 404 for an atSign it does not know', async () => {
    const reply = await httpsGet(root.address, '/@nobody', ca.certPem);
    expect([reply.status, reply.text]).toEqual([404, '404 not found']);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not lowercase (only the line protocol does)', async () => {
    expect((await httpsGet(root.address, '/@BOB', ca.certPem)).status).toBe(404);
  });

  it('sends a longer path on to the atServer with a 302', async () => {
    const reply = await httpsGet(root.address, '/@bob/publickey?at_rt=meta', ca.certPem);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`https://${BOB}/publickey?at_rt=meta`);
  });

  it('answers other methods with 401, and an undecodable path with 400', async () => {
    expect((await httpsGet(root.address, '/@bob', ca.certPem, 'POST')).status).toBe(401);
    expect((await httpsGet(root.address, '/%FF', ca.certPem)).status).toBe(400);
  });
});
