// One atSign's atServer, without its network: the store, the sessions, the
// enrollments and one-time codes, and an approver — the person's other app,
// which holds the atSign's keys — for tests to drive. The doors (../doors.mjs)
// carry each connection's text to a session here.
import { normaliseAtSign } from '../atkeys-input.mjs';
import { aesEncrypt, rsaPkcs1Decrypt } from './crypto.mjs';
import { openAtKeys } from './seed.mjs';
import { openSession } from './session.mjs';
import { createStore } from './store.mjs';
import { decide, enrollmentKey, issueOtp } from './verbs/enroll.mjs';

/** @param {{ atSign: string, atKeys?: Record<string, unknown>, cramSecret?: string, dataFile?: string }} options */
export async function createAtServerCore(options) {
  const atSign = normaliseAtSign(options.atSign);
  const keys = options.atKeys === undefined ? null : openAtKeys(options.atKeys);
  if (keys === null && typeof options.cramSecret !== 'string') throw new Error(`${atSign} needs .atKeys or a cramSecret.`);
  const store = createStore({ file: options.dataFile, atSign });

  const server = {
    atSign,
    store,
    startedAt: Date.now(),
    sessions: new Set(),
    enrollments: new Map(),
    otps: new Map(),
    notifications: [],
    sessionEnded(session) {
      server.sessions.delete(session);
    },
    /** A revoked enrollment's connections are dropped, as the server drops them. */
    dropEnrollment(id) {
      for (const [session, io] of handles) if (session.enrollmentId === id) closeSession(session, io);
    },
  };
  const handles = new Map();
  const closeSession = (session, io) => {
    handles.delete(session);
    server.sessions.delete(session);
    session.closed = true;
    io.close();
  };

  // Enrollments kept in the store come back with it.
  for (const key of store.keys()) {
    const match = /^([^.]+)\.new\.enrollments\.__manage@/u.exec(key);
    if (match) server.enrollments.set(match[1], JSON.parse(store.get(key).data));
  }
  if (!store.has('privatekey:at_pkam_publickey') && !store.has('privatekey:at_secret')) {
    if (keys) {
      // As an activated atSign's server holds them.
      store.put('privatekey:at_pkam_publickey', keys.pkamPublicKey, {}, { skipCommit: true });
      store.put(`public:publickey${atSign}`, keys.encryptionPublicKey);
    } else {
      store.put('privatekey:at_secret', options.cramSecret, {}, { skipCommit: true });
    }
  }

  function requireKeys() {
    if (keys === null) throw new Error(`The approver of ${atSign} has no keys: this atServer was started for activation, not from .atKeys.`);
    return keys;
  }

  return {
    atSign,
    openSession(io) {
      const opened = openSession(server, io);
      server.sessions.add(opened.session);
      handles.set(opened.session, io);
      return { receive: opened.receive, end: () => {
        opened.end();
        handles.delete(opened.session);
      } };
    },
    publicLookup(name) {
      const key = `public:${name}${atSign}`;
      if (!store.has(key)) return null;
      const entry = store.get(key);
      return entry.active ? { value: entry.data, metadata: entry.metaData } : null;
    },
    dump: () => store.dump(),
    approver: {
      otp: async () => issueOtp(server),
      list: async () =>
        [...server.enrollments].map(([enrollmentId, e]) => ({
          enrollmentId,
          appName: e.appName,
          deviceName: e.deviceName,
          namespaces: e.namespaces,
          status: e.status,
        })),
      /** What an approving app does: decrypt the requester's APKAM symmetric key with the atSign's encryption key, and encrypt the keys with it. */
      async approve(enrollmentId) {
        const { encryptionPrivateKeyObject, encryptionPrivateKey, selfEncryptionKey } = requireKeys();
        const enrollment = server.enrollments.get(enrollmentId);
        if (!enrollment?.encryptedAPKAMSymmetricKey) throw new Error(`No enrollment ${enrollmentId} with an APKAM symmetric key to approve.`);
        const symmetricKey = rsaPkcs1Decrypt(encryptionPrivateKeyObject, enrollment.encryptedAPKAMSymmetricKey).toString('utf8');
        decide(server, 'approve', enrollmentId, {
          encryptedDefaultEncryptionPrivateKey: aesEncrypt(symmetricKey, encryptionPrivateKey),
          encryptedDefaultSelfEncryptionKey: aesEncrypt(symmetricKey, selfEncryptionKey),
        });
      },
      deny: async (enrollmentId) => void decide(server, 'deny', enrollmentId, {}),
      revoke: async (enrollmentId) => void decide(server, 'revoke', enrollmentId, {}),
    },
    enrollmentKey: (id) => enrollmentKey(server, id),
    close() {
      for (const [session, io] of [...handles]) closeSession(session, io);
    },
  };
}
