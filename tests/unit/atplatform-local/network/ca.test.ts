// The test CA is a standard one a browser can be told to trust, and its leaf
// certificates are what a TLS client checks for 127.0.0.1 and localhost.
import { X509Certificate } from 'node:crypto';
import { checkServerIdentity } from 'node:tls';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../../../testing/atplatform/ca.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
let ca: TestCa;
let caCert: X509Certificate;
let leaf: X509Certificate;

beforeAll(async () => {
  ca = await createTestCa();
  caCert = new X509Certificate(ca.certPem);
  leaf = new X509Certificate((await ca.issue()).certPem);
}, 30_000);

describe('createTestCa', () => {
  it('makes a self-signed RSA-2048 CA certificate (basicConstraints CA:true, keyCertSign)', () => {
    expect(caCert.ca).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    expect(caCert.publicKey.asymmetricKeyType).toBe('rsa');
    expect(caCert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(caCert.subject).toContain(ca.name);
    const extensions = forge.pki.certificateFromPem(ca.certPem);
    expect(extensions.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(extensions.getExtension('keyUsage')).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
  });

  it('makes a new CA each time', async () => {
    const other = await createTestCa();
    expect(other.name).not.toBe(ca.name);
    expect(other.certPem).not.toBe(ca.certPem);
    expect(leaf.verify(new X509Certificate(other.certPem).publicKey)).toBe(false);
  });

  it('issues leaves for 127.0.0.1 and localhost, for TLS servers, signed by the CA', () => {
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(caCert)).toBe(true);
    expect(leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(checkServerIdentity('localhost', leaf.toLegacyObject())).toBeUndefined();
  });

  it('keeps validity short (30 days), starting a little in the past', () => {
    for (const cert of [caCert, leaf]) {
      const from = Date.parse(cert.validFrom);
      const to = Date.parse(cert.validTo);
      expect(from).toBeLessThanOrEqual(Date.now());
      expect(to - from).toBeLessThanOrEqual(31 * DAY_MS);
      expect(to).toBeGreaterThan(Date.now() + 29 * DAY_MS);
    }
  });

  it('issues client certificates when asked', async () => {
    const client = new X509Certificate((await ca.issue({ clientAuth: true, serverAuth: false, commonName: 'a client' })).certPem);
    expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(client.subject).toBe('CN=a client');
  });
});
