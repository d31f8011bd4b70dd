// APKAM: a new app asks to join with a one-time code (enroll:request), an app
// with access to `__manage` approves, denies or revokes it, and the approved
// app fetches the atSign's keys, encrypted for it (keys:get). Shapes and
// messages as at_secondary's enroll, otp and keys verb handlers have them.
import { randomInt, randomUUID } from 'node:crypto';
import { fail } from '../errors.mjs';

const MANAGE = '__manage';
const OTP_TTL_MS = 5 * 60_000;
// The server's OTPs: 6 capitals and digits, no O or 0 to misread.
const OTP_ALPHABET = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';

const enrollmentFail = (message) => fail('AtEnrollmentException', message);

export function enrollmentKey(server, id) {
  return `${id}.new.enrollments.${MANAGE}${server.atSign}`;
}

export function issueOtp(server, ttlMs = OTP_TTL_MS) {
  let otp = '';
  for (let i = 0; i < 6; i++) otp += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)];
  server.otps.set(otp, Date.now() + ttlMs);
  return otp;
}

/** Single use: a code is gone once tried. */
function takeOtp(server, otp) {
  const until = typeof otp === 'string' ? server.otps.get(otp) : undefined;
  if (until !== undefined) server.otps.delete(otp);
  return until !== undefined && until > Date.now();
}

function requireManager(server, session, operation) {
  if (!session.authenticated) throw fail('UnAuthenticatedException', `Cannot ${operation} enrollment without authentication`);
  if (session.enrollmentId === null) return;
  const right = server.enrollments.get(session.enrollmentId)?.namespaces[MANAGE];
  if (right !== 'rw') throw fail('UnAuthorizedException', `Connection with enrollment ID ${session.enrollmentId} is not authorized to ${operation} enrollments`);
}

function parseParams(text, operation) {
  if (text === undefined) throw fail('IllegalArgumentException', 'Enroll parameters not provided');
  try {
    const params = JSON.parse(text);
    if (typeof params === 'object' && params !== null && !Array.isArray(params)) return params;
  } catch {
    // answered below
  }
  throw fail('IllegalArgumentException', `enroll:${operation} parameters are not a JSON object`);
}

function validateRequest(params, session) {
  const text = (v) => typeof v === 'string' && v !== '';
  if (!text(params.appName)) throw enrollmentFail('appName is mandatory for enroll:request');
  if (!text(params.deviceName)) throw enrollmentFail('deviceName is mandatory for enroll:request');
  if (!text(params.apkamPublicKey)) throw enrollmentFail('apkam public key is mandatory for enroll:request');
  if (!session.authenticated) {
    if (!text(params.encryptedAPKAMSymmetricKey)) throw enrollmentFail('encrypted apkam symmetric key is mandatory for new client enroll:request');
    const ns = params.namespaces;
    if (typeof ns !== 'object' || ns === null || Object.keys(ns).length === 0) {
      throw enrollmentFail('At least one namespace must be specified for new client enroll:request');
    }
  }
}

function storeEnrollment(server, id, enrollment) {
  server.enrollments.set(id, enrollment);
  server.store.put(enrollmentKey(server, id), JSON.stringify(enrollment), {}, { skipCommit: true });
}

/** What an approval leaves for the app: the atSign's keys, encrypted with its APKAM symmetric key. */
export function storeKeysFor(server, id, encryptedPrivateKey, encryptedSelfKey) {
  server.store.put(`${id}.default_enc_private_key.${MANAGE}${server.atSign}`, JSON.stringify({ value: encryptedPrivateKey }), {}, { skipCommit: true });
  server.store.put(`${id}.default_self_enc_key.${MANAGE}${server.atSign}`, JSON.stringify({ value: encryptedSelfKey }), {}, { skipCommit: true });
}

function request(server, session, params) {
  if (!session.authenticated && !takeOtp(server, params.otp)) throw enrollmentFail('invalid otp. Cannot process enroll request');
  validateRequest(params, session);
  for (const [id, other] of server.enrollments) {
    if (other.appName === params.appName && other.deviceName === params.deviceName && other.status !== 'denied' && other.status !== 'revoked') {
      throw enrollmentFail(`Another enrollment with id ${id} exists with the app name: ${params.appName} and device name: ${params.deviceName} in ${other.status} state`);
    }
  }
  const id = randomUUID();
  const enrollment = {
    appName: params.appName,
    deviceName: params.deviceName,
    namespaces: { ...(params.namespaces ?? {}) },
    apkamPublicKey: params.apkamPublicKey,
    encryptedAPKAMSymmetricKey: params.encryptedAPKAMSymmetricKey ?? null,
    status: 'pending',
    requestedAt: Date.now(),
  };
  if (session.authType === 'cram') {
    // The activating app: approved at once with every namespace, and its APKAM key becomes the PKAM key.
    Object.assign(enrollment.namespaces, { [MANAGE]: 'rw', '*': 'rw' });
    enrollment.status = 'approved';
    session.enrollmentId = id;
    storeKeysFor(server, id, params.encryptedDefaultEncryptionPrivateKey ?? null, params.encryptedDefaultSelfEncryptionKey ?? null);
    server.store.put('privatekey:at_pkam_publickey', params.apkamPublicKey, {}, { skipCommit: true });
  }
  storeEnrollment(server, id, enrollment);
  return JSON.stringify({ enrollmentId: id, status: enrollment.status });
}

const NEXT = { approve: ['pending', 'approved'], deny: ['pending', 'denied'], revoke: ['approved', 'revoked'] };

/** Approve, deny or revoke: the state must be the one the operation expects. */
export function decide(server, operation, id, keys) {
  const enrollment = server.enrollments.get(id);
  if (!enrollment) throw fail('AtInvalidEnrollmentException', `enrollment_id: ${id} is expired or invalid`);
  const [from, to] = NEXT[operation];
  if (enrollment.status !== from) {
    const only = from === 'pending' ? 'Only pending enrollments can be' : 'Only approved enrollments can be';
    throw enrollmentFail(`Cannot ${operation} a ${enrollment.status} enrollment. ${only} ${operation === 'approve' ? 'approved' : `${operation}d`}`);
  }
  if (operation === 'approve') storeKeysFor(server, id, keys.encryptedDefaultEncryptionPrivateKey, keys.encryptedDefaultSelfEncryptionKey);
  storeEnrollment(server, id, { ...enrollment, status: to });
  if (to === 'revoked') server.dropEnrollment(id);
  return JSON.stringify({ status: to, enrollmentId: id });
}

function list(server) {
  const all = {};
  for (const [id, e] of server.enrollments) {
    all[enrollmentKey(server, id)] = {
      appName: e.appName,
      deviceName: e.deviceName,
      namespace: e.namespaces,
      encryptedAPKAMSymmetricKey: e.encryptedAPKAMSymmetricKey,
      status: e.status,
    };
  }
  return JSON.stringify(all);
}

export function enroll(server, session, { operation, enrollParams }) {
  if (operation === 'request') return request(server, session, parseParams(enrollParams, operation));
  requireManager(server, session, operation);
  if (operation === 'list') return list(server);
  if (!(operation in NEXT)) throw fail('InvalidSyntaxException', `enroll:${operation} is not served by the local atServer`);
  const params = parseParams(enrollParams, operation);
  if (typeof params.enrollmentId !== 'string') throw fail('IllegalArgumentException', 'enrollmentId is mandatory');
  if (operation === 'revoke' && params.enrollmentId === session.enrollmentId) {
    throw fail('AtEnrollmentRevokeException', 'Current client cannot revoke its own enrollment');
  }
  if (operation === 'approve') {
    for (const field of ['encryptedDefaultEncryptionPrivateKey', 'encryptedDefaultSelfEncryptionKey']) {
      if (typeof params[field] !== 'string' || params[field] === '') throw enrollmentFail(`${field} is mandatory for enroll:approve`);
    }
  }
  return decide(server, operation, params.enrollmentId, params);
}

export function otp(server, session, { operation, ttl }) {
  if (!session.authenticated) throw fail('UnAuthenticatedException', 'otp: requires authenticated connection');
  if (operation !== 'get') throw fail('InvalidSyntaxException', `otp:${operation} is not served by the local atServer`);
  return issueOtp(server, ttl ? Number(ttl) : OTP_TTL_MS);
}

export function keys(server, session, { operation, keyName }) {
  if (!session.authenticated) throw fail('UnAuthenticatedException', 'Command cannot be executed without auth');
  if (operation !== 'get' || !keyName) throw fail('InvalidSyntaxException', 'Only keys:get:keyName:<name> is served by the local atServer');
  if (session.enrollmentId === null) throw enrollmentFail('Keys verb cannot be accessed without an enrollmentId');
  if (!keyName.startsWith(`${session.enrollmentId}.`)) {
    throw fail('UnAuthorizedException', `Connection with enrollment ID ${session.enrollmentId} is not authorized to get key: ${keyName}`);
  }
  if (!server.store.has(keyName)) throw fail('KeyNotFoundException', `key ${keyName} not found in keystore`);
  return server.store.get(keyName).data;
}
