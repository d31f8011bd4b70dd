// The local atPlatform's certificate authority: made fresh at every start, it
// signs the certificates of the root and of every atServer, so clients verify
// TLS as they would against the real atPlatform, trusting this one CA
// explicitly. It is a plain, standard CA (RSA-2048, SHA-256, basicConstraints
// CA:true, keyCertSign) so Chromium and Firefox can be told to trust it too.
//
// node:crypto makes the keys and signs (native, fast); node-forge builds the
// X.509 structures, which node:crypto cannot.
import { generateKeyPair, randomBytes, sign } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const { pki, asn1, md } = forge;
const generate = promisify(generateKeyPair);

/** Certificates live 30 days, and start an hour back so a slightly slow clock still accepts them. */
const VALID_DAYS = 30;
const BACKDATE_MS = 60 * 60 * 1000;

async function newKeyPair() {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: 2048 });
  return {
    publicKey,
    privateKey,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    forgePublicKey: pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

/** A positive serial number of 16 random bytes, as hex (the top bit is cleared so DER keeps it positive). */
function serialNumber() {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  if (bytes[0] === 0) bytes[0] = 1;
  return bytes.toString('hex');
}

/**
 * Signs `cert` with a node:crypto private key. forge's `cert.sign` asks its key
 * object to sign once the TBSCertificate is built; this key signs those DER
 * bytes natively instead of with forge's JavaScript RSA.
 */
function signWith(cert, privateKey) {
  cert.sign(
    {
      sign: () => {
        const tbs = Buffer.from(asn1.toDer(cert.tbsCertificate).getBytes(), 'binary');
        return sign('sha256', tbs, privateKey).toString('binary');
      },
    },
    md.sha256.create(),
  );
}

function dates() {
  const notBefore = new Date(Date.now() - BACKDATE_MS);
  const notAfter = new Date(notBefore.getTime() + VALID_DAYS * 24 * 60 * 60 * 1000 + BACKDATE_MS);
  return { notBefore, notAfter };
}

/**
 * A new test CA.
 * @param {{ name?: string }} [options] the CA's common name (a unique one is made when absent,
 *   so two runs' CAs never look alike in a browser's certificate store)
 */
export async function createTestCa(options = {}) {
  const id = randomBytes(4).toString('hex');
  const name = options.name ?? `atSign Wallet local atPlatform test CA ${id}`;
  const keys = await newKeyPair();
  const subject = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: 'atSign Wallet tests (not for production)' },
  ];
  const caCert = pki.createCertificate();
  caCert.publicKey = keys.forgePublicKey;
  caCert.serialNumber = serialNumber();
  Object.assign(caCert.validity, dates());
  caCert.setSubject(subject);
  caCert.setIssuer(subject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signWith(caCert, keys.privateKey);
  const caKeyId = caCert.generateSubjectKeyIdentifier().getBytes();

  /**
   * A leaf certificate signed by this CA, with a fresh key.
   * @param {{ commonName?: string, hosts?: string[], ips?: string[], serverAuth?: boolean, clientAuth?: boolean }} [leaf]
   */
  async function issue(leaf = {}) {
    const { commonName = 'localhost', hosts = ['localhost'], ips = ['127.0.0.1'], serverAuth = true, clientAuth = false } = leaf;
    const leafKeys = await newKeyPair();
    const cert = pki.createCertificate();
    cert.publicKey = leafKeys.forgePublicKey;
    cert.serialNumber = serialNumber();
    Object.assign(cert.validity, dates());
    cert.setSubject([{ name: 'commonName', value: commonName }]);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth, clientAuth },
      {
        name: 'subjectAltName',
        altNames: [...hosts.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))],
      },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
    ]);
    signWith(cert, keys.privateKey);
    return { certPem: pki.certificateToPem(cert), keyPem: leafKeys.keyPem };
  }

  return { name, certPem: pki.certificateToPem(caCert), issue };
}
