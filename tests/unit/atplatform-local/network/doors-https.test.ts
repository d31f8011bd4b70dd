// The atServer's HTTPS door (ALPN http/1.1, any path but /ws) over real TLS
// with the test CA, in front of a fake core: GET of public data as
// at_secondary's AtServerHttpRequestHandler answers it — raw values, ?at_rt,
// MIME types, binary values, 404/405/400, and never a CORS header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../../../testing/atplatform/ca.mjs';
import { createAtServerDoors, type AtServerDoors } from '../../../../testing/atplatform/doors.mjs';
import { createFakeCore, type FakeCore } from './fake-core';
import { httpsGet } from './support';

const ATSIGN = '@alice🛠';
let ca: TestCa;
let server: AtServerDoors<FakeCore>;

beforeAll(async () => {
  ca = await createTestCa();
  const core = createFakeCore(ATSIGN);
  core.publicData.set('publickey', { value: 'MIIBIjANBgkq', metadata: { isBinary: false, ttl: 0, dataSignature: null } });
  core.publicData.set('signing_key.atwallet', { value: 'ed25519-key', metadata: { dataSignature: 'c2ln' } });
  core.publicData.set('page.html', { value: '<p>hi</p>', metadata: {} });
  // "Hi!" in Base2e15: 24 bits → one 15-bit character, then the 9 left in a second.
  core.publicData.set('blob', { value: '\u58FE\u7D0A', metadata: { isBinary: true } });
  const leaf = await ca.issue();
  server = createAtServerDoors({ core, key: leaf.keyPem, cert: leaf.certPem, ca: ca.certPem });
  await server.start();
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

describe('the HTTPS door (ALPN http/1.1, any other path)', () => {
  it('answers GET /publickey with the raw value as text/plain, and no CORS header', async () => {
    const reply = await httpsGet(server.address, '/publickey', ca.certPem);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('MIIBIjANBgkq');
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers ?at_rt=meta with the metadata as JSON, nulls left out', async () => {
    const reply = await httpsGet(server.address, '/publickey?at_rt=meta', ca.certPem);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.text)).toEqual({ isBinary: false, ttl: 0 });
  });

  it('answers ?at_rt=all with the key, the value and the metadata', async () => {
    const reply = await httpsGet(server.address, '/atwallet/signing_key?at_rt=all', ca.certPem);
    expect(JSON.parse(reply.text)).toEqual({
      key: `public:signing_key.atwallet${ATSIGN}`,
      data: 'ed25519-key',
      metaData: { dataSignature: 'c2ln' },
    });
  });

  it('finds a key by its path, its full name, or through the /@atSign/ prefix a proxy uses', async () => {
    const fullName = `/${encodeURIComponent(`public:signing_key.atwallet${ATSIGN}`)}`;
    const proxied = `/${encodeURIComponent(ATSIGN)}/atwallet/signing_key`;
    for (const path of ['/atwallet/signing_key', fullName, proxied]) {
      const reply = await httpsGet(server.address, path, ca.certPem);
      expect([path, reply.status, reply.text]).toEqual([path, 200, 'ed25519-key']);
    }
  });

  it('gives a page its MIME type, and binary values as bytes', async () => {
    expect((await httpsGet(server.address, '/page.html', ca.certPem)).headers['content-type']).toBe('text/html; charset=utf-8');
    const blob = await httpsGet(server.address, '/blob', ca.certPem);
    expect(blob.headers['content-type']).toBe('application/octet-stream; charset=utf-8');
    expect(blob.body.toString('latin1')).toBe('Hi!');
  });

  it('answers 404 for a key it does not hold, 405 for other methods, 400 for an overlong request', async () => {
    const missing = await httpsGet(server.address, '/nothing.here', ca.certPem);
    expect([missing.status, missing.text]).toEqual([404, '404 Not Found']);
    expect(missing.headers['access-control-allow-origin']).toBeUndefined();
    expect((await httpsGet(server.address, '/publickey', ca.certPem, 'POST')).status).toBe(405);
    expect((await httpsGet(server.address, '/publickey', ca.certPem, 'OPTIONS')).status).toBe(405);
    expect((await httpsGet(server.address, `/${'a'.repeat(1001)}`, ca.certPem)).status).toBe(400);
  });
});
