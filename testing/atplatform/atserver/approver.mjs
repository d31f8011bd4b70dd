// The person's other app, which holds the atSign's keys and manages its
// enrollments — driven by tests. It does what an approving app does
// (at_auth's AtEnrollmentImpl.approve): opens its own connection, proves
// itself by PKAM, and sends the same commands over it, so every decision goes
// through the server's checks. To approve, it RSA-decrypts the requester's
// APKAM symmetric key with the atSign's encryption private key and
// AES-encrypts the encryption private key and self encryption key with it
// (AES-256-CTR, the legacy zero IV, as at_auth does for these two values).
import { sign } from 'node:crypto';
import { aesEncrypt, rsaPkcs1Decrypt } from './crypto.mjs';

/** A connection of the approving app: send a command, get its `data:` text or an Error with the server's answer. */
function connect(server, openSession) {
  const answers = [];
  const waiting = [];
  const io = {
    write(text) {
      const resolve = waiting.shift();
      if (resolve) resolve(text);
      else answers.push(text);
    },
    close() {
      for (const resolve of waiting.splice(0)) resolve(null);
    },
  };
  const { receive, end } = openSession(io);
  const next = () => (answers.length > 0 ? Promise.resolve(answers.shift()) : new Promise((resolve) => waiting.push(resolve)));
  const greeting = next();
  async function send(command) {
    const answer = next();
    receive(`${command}\n`);
    const text = await answer;
    if (text === null) throw new Error(`The atServer of ${server.atSign} closed the approving app's connection after: ${command}`);
    const data = /^data:(.*)\n[^\n]*$/s.exec(text);
    if (!data) throw new Error(`The atServer of ${server.atSign} refused "${command.slice(0, 40)}": ${text.trim()}`);
    return data[1];
  }
  return { greeting, send, end };
}

export function createApprover(server, keys, openSession) {
  async function withConnection(work) {
    if (keys === null) throw new Error(`The approver of ${server.atSign} has no keys: this atServer was started for activation (CRAM), not from .atKeys.`);
    const connection = connect(server, openSession);
    try {
      await connection.greeting;
      const challenge = await connection.send(`from:${server.atSign}`);
      const signature = sign('sha256', Buffer.from(challenge, 'utf8'), keys.pkamPrivateKeyObject).toString('base64');
      await connection.send(`pkam:${signature}`);
      return await work(connection.send);
    } finally {
      connection.end();
    }
  }
  const decision = (operation) => (enrollmentId) => withConnection(async (send) => void (await send(`enroll:${operation}:${JSON.stringify({ enrollmentId })}`)));

  return {
    otp: () => withConnection((send) => send('otp:get')),
    list: () =>
      withConnection(async (send) =>
        Object.entries(JSON.parse(await send('enroll:list'))).map(([key, e]) => ({
          enrollmentId: key.slice(0, key.indexOf('.')),
          appName: e.appName,
          deviceName: e.deviceName,
          namespaces: e.namespace,
          status: e.status,
        })),
      ),
    approve: (enrollmentId) =>
      withConnection(async (send) => {
        const { encryptedAPKAMSymmetricKey } = JSON.parse(await send(`enroll:fetch:${JSON.stringify({ enrollmentId })}`));
        if (typeof encryptedAPKAMSymmetricKey !== 'string') throw new Error(`Enrollment ${enrollmentId} carries no encrypted APKAM symmetric key to approve with.`);
        const symmetricKey = rsaPkcs1Decrypt(keys.encryptionPrivateKeyObject, encryptedAPKAMSymmetricKey).toString('utf8');
        await send(
          `enroll:approve:${JSON.stringify({
            enrollmentId,
            encryptedDefaultEncryptionPrivateKey: aesEncrypt(symmetricKey, keys.encryptionPrivateKey),
            encryptedDefaultSelfEncryptionKey: aesEncrypt(symmetricKey, keys.selfEncryptionKey),
          })}`,
        );
      }),
    deny: decision('deny'),
    revoke: decision('revoke'),
  };
}
