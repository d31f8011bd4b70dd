// enroll (enroll_verb_handler.dart): the JSON parameters read as
// EnrollParams reads them, checked as _validateParams checks them, then the
// operation. This file has `request`; ./enroll-decide.mjs the rest.
import { randomUUID } from 'node:crypto';
import { AtServerException, DartError, DartException, dartType, fail } from '../errors.mjs';
import { ALL_NAMESPACES, MANAGE, enrollmentKey, enrollmentValue, putEnrollment } from '../enrollments.mjs';
import { newNotification, publish } from '../notifications.mjs';
import { decide, fetchEnrollment, listEnrollments, removeEnrollment } from './enroll-decide.mjs';
import { passcodeIsValid } from './otp.mjs';

const enrollmentFail = (message) => new AtServerException('AtEnrollmentException', message);

/** enrollment.expiryInHours: a pending request lives 48 hours. */
const PENDING_TTL_MS = 48 * 3_600_000;
/** enrollment.maxRequestsPerTimeFrame per timeFrameInHours, per connection. */
const MAX_REQUESTS = 5;
const REQUEST_WINDOW_MS = 3_600_000;
/** enrollment.delayIntervalThreshold: after this long without a wrong code the delays start over. */
const DELAY_RESET_MS = 55_000;

const STRING_FIELDS = ['enrollmentId', 'appName', 'deviceName', 'otp', 'encryptedDefaultEncryptionPrivateKey', 'encryptedDefaultSelfEncryptionKey', 'encryptedAPKAMSymmetricKey', 'apkamPublicKey'];
const STATES = ['pending', 'approved', 'denied', 'revoked', 'expired'];

/** EnrollParams.fromJson(jsonDecode(text)): a FormatException for bad JSON, a TypeError for a field of the wrong type. */
function readParams(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DartException(`FormatException: ${error.message}`);
  }
  const typeError = (value, type) => new DartError(`type '${dartType(value)}' is not a subtype of type '${type}' in type cast`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw typeError(json, 'Map<String, dynamic>');
  for (const field of STRING_FIELDS) if (json[field] != null && typeof json[field] !== 'string') throw typeError(json[field], 'String?');
  const ns = json.namespaces;
  if (ns != null && (typeof ns !== 'object' || Array.isArray(ns))) throw typeError(ns, 'Map<String, dynamic>?');
  for (const access of Object.values(ns ?? {})) if (typeof access !== 'string') throw typeError(access, 'String');
  const filter = json.enrollmentStatusFilter;
  if (filter != null && !Array.isArray(filter)) throw typeError(filter, 'List<dynamic>?');
  for (const state of filter ?? []) {
    if (!STATES.includes(state)) throw new DartError(`Invalid argument(s): \`${state}\` is not one of the supported values: ${STATES.join(', ')}`);
  }
  if (json.apkamKeysExpiryInMillis != null && !Number.isInteger(json.apkamKeysExpiryInMillis)) throw typeError(json.apkamKeysExpiryInMillis, 'int');
  return json;
}

const blank = (value) => value === undefined || value === null || value === '';

function validate(params, operation) {
  if (operation === 'request') {
    if (blank(params.appName)) throw enrollmentFail('appName is mandatory for enroll:request');
    if (blank(params.deviceName)) throw enrollmentFail('deviceName is mandatory for enroll:request');
    if (blank(params.apkamPublicKey)) throw enrollmentFail('apkam public key is mandatory for enroll:request');
    if (params.otp != null) {
      if (blank(params.encryptedAPKAMSymmetricKey)) throw enrollmentFail('encrypted apkam symmetric key is mandatory for new client enroll:request');
      if (params.namespaces == null || Object.keys(params.namespaces).length === 0) throw enrollmentFail('At least one namespace must be specified for new client enroll:request');
    }
  } else if (operation === 'approve') {
    if (blank(params.enrollmentId)) throw enrollmentFail('enrollmentId is mandatory for enroll:approve');
    if (blank(params.encryptedDefaultEncryptionPrivateKey)) throw enrollmentFail('encryptedDefaultEncryptionPrivateKey is mandatory for enroll:approve');
    if (blank(params.encryptedDefaultSelfEncryptionKey)) throw enrollmentFail('encryptedDefaultSelfEncryptionKey is mandatory for enroll:approve');
  } else if (operation !== 'list' && blank(params.enrollmentId)) {
    throw enrollmentFail(`enrollmentId is mandatory for enroll:${operation}`);
  }
}

/** The next wait after a wrong code: 1 s, 2 s, 3 s, 5 s, … (a Fibonacci series from the initial delay) up to 55 s, server-wide. */
function nextWrongCodeDelay(server) {
  const series = server.wrongCode.series;
  if (series.at(-1) >= DELAY_RESET_MS) return series.at(-1);
  series.push(series.at(-1) + series.at(-2));
  series.shift();
  return series.at(-1);
}

/** A connection may send five requests an hour. */
function requestAllowed(session) {
  const now = Date.now();
  session.enrollRequests = session.enrollRequests.filter((time) => now - time < REQUEST_WINDOW_MS);
  if (session.enrollRequests.length >= MAX_REQUESTS) return false;
  session.enrollRequests.push(now);
  return true;
}

/** Storing the keys the app will fetch with `keys:get`, as JSON {"value": …}. */
export function storeEncryptionKeys(server, id, params) {
  const { store, atSign } = server;
  store.put(`${id}.default_enc_private_key.${MANAGE}${atSign}`, JSON.stringify({ value: params.encryptedDefaultEncryptionPrivateKey ?? null }), {}, { skipCommit: true });
  store.put(`${id}.default_self_enc_key.${MANAGE}${atSign}`, JSON.stringify({ value: params.encryptedDefaultSelfEncryptionKey ?? null }), {}, { skipCommit: true });
}

async function request(server, session, params) {
  if (!requestAllowed(session)) throw new AtServerException('AtThrottleLimitExceeded', 'Enrollment requests have exceeded the limit within the specified time frame');
  if (!session.authenticated && !passcodeIsValid(server, params.otp)) {
    server.wrongCode.lastAt = Date.now();
    const delay = nextWrongCodeDelay(server);
    if (delay > 0) {
      // Tracked so that closing the core does not leave the wait behind.
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          server.timers.delete(timer);
          resolve();
        }, delay);
        timer.unref?.();
        server.timers.add(timer);
      });
    }
    throw enrollmentFail('invalid otp. Cannot process enroll request');
  }
  for (const key of server.store.keys(/enrollments/)) {
    const other = JSON.parse(server.store.get(key).data);
    const state = other.approval?.state;
    if (other.appName === params.appName && other.deviceName === params.deviceName && (state === 'approved' || state === 'pending')) {
      throw enrollmentFail(`Another enrollment with id ${key.slice(0, key.indexOf('.'))} exists with the app name: ${params.appName} and device name: ${params.deviceName} in ${state} state`);
    }
  }
  if (Date.now() - server.wrongCode.lastAt >= DELAY_RESET_MS) Object.assign(server.wrongCode, { lastAt: 0, series: [0, server.wrongCode.initial] });
  const id = randomUUID();
  const namespaces = { ...(params.namespaces ?? {}) };
  const value = enrollmentValue({ sessionId: session.id, appName: params.appName, deviceName: params.deviceName, namespaces, apkamPublicKey: params.apkamPublicKey, state: 'pending', apkamKeysExpiryInMillis: params.apkamKeysExpiryInMillis ?? 0 });
  if (session.authType === 'cram') {
    // The activating app: approved at once for everything, its APKAM key the PKAM key old clients use.
    Object.assign(namespaces, { [MANAGE]: 'rw', [ALL_NAMESPACES]: 'rw' });
    value.approval = { state: 'approved' };
    session.enrollmentId = id;
    storeEncryptionKeys(server, id, params);
    server.store.put('privatekey:at_pkam_publickey', params.apkamPublicKey, {}, { skipCommit: true });
    putEnrollment(server.store, id, value);
  } else {
    value.encryptedAPKAMSymmetricKey = params.encryptedAPKAMSymmetricKey ?? null;
    // The approving app learns of the request from a self notification (monitor:selfNotifications).
    const notice = { encryptedApkamSymmetricKey: value.encryptedAPKAMSymmetricKey, encryptedAPKAMSymmetricKey: value.encryptedAPKAMSymmetricKey, appName: params.appName, deviceName: params.deviceName, namespace: params.namespaces ?? null };
    publish(server, newNotification({ from: server.atSign, to: server.atSign, key: enrollmentKey(server.atSign, id), type: 'self', value: JSON.stringify(notice), ttlMs: 24 * 3_600_000 }));
    putEnrollment(server.store, id, value, { ttl: PENDING_TTL_MS });
  }
  server.store.remove(`private:${String(params.otp ?? null).toLowerCase()}${server.atSign}`);
  return { enrollmentId: id, status: value.approval.state };
}

export async function enroll({ server, session }, params, response) {
  const operation = params.operation.toLowerCase();
  if (operation !== 'request' && !session.authenticated) throw fail('UnAuthenticatedException', `Cannot ${operation} enrollment without authentication`);
  let enrollParams = null;
  if (params.enrollParams === undefined) {
    if (operation !== 'list') throw fail('IllegalArgumentException', 'Enroll parameters not provided');
  } else {
    enrollParams = readParams(params.enrollParams);
  }
  validate(enrollParams ?? {}, operation);
  if (operation === 'request') {
    response.data = JSON.stringify(await request(server, session, enrollParams));
  } else if (operation === 'list') {
    response.data = listEnrollments(server, session, enrollParams?.enrollmentStatusFilter ?? null);
  } else if (operation === 'fetch') {
    response.data = fetchEnrollment(server, enrollParams.enrollmentId);
  } else if (operation === 'delete') {
    removeEnrollment(server, enrollParams.enrollmentId, response);
  } else {
    decide(server, session, operation, enrollParams, params.force !== undefined, response);
  }
}
