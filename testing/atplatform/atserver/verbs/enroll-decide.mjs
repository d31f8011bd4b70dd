// enroll:approve|deny|revoke|unrevoke, list, fetch and delete
// (enroll_verb_handler.dart). A decision needs the enrollment live (else
// AT0028), in the state the operation expects (approve: pending, revoke:
// approved, unrevoke: revoked; deny: any), and the deciding app authorised
// for every namespace the enrollment asks for. Approving stores the app's
// APKAM public key and the keys the approver encrypted for it; revoking drops
// the app's connections.
import { isAuthorized } from '../authorize.mjs';
import { AtServerException } from '../errors.mjs';
import { MANAGE, enrollmentKey, findEnrollment, getEnrollment, putEnrollment } from '../enrollments.mjs';
import { storeEncryptionKeys } from './enroll.mjs';

const enrollmentFail = (message) => new AtServerException('AtEnrollmentException', message);
const NEXT_STATE = { approve: 'approved', deny: 'denied', revoke: 'revoked', unrevoke: 'approved' };
/** How long a revoked app's own `enroll:revoke:force` connection stays open. */
const FORCED_CLOSE_MS = 10_000;

function expired(response, id) {
  Object.assign(response, { isError: true, errorCode: 'AT0028', errorMessage: `enrollment_id: ${id} is expired or invalid` });
}

function checkState(operation, state) {
  if (operation === 'approve' && state !== 'pending') throw enrollmentFail(`Cannot approve a ${state} enrollment. Only pending enrollments can be approved`);
  if (operation === 'revoke' && state !== 'approved') throw enrollmentFail(`Cannot revoke a ${state} enrollment. Only approved enrollments can be revoked`);
  if (operation === 'delete' && state !== 'denied' && state !== 'revoked') throw enrollmentFail(`Cannot delete ${state} enrollments. Only denied and revoked enrollments can be deleted`);
  if (operation === 'unrevoke' && state !== 'revoked') throw enrollmentFail(`Cannot un-revoke a ${state} enrollment. Only revoked enrollments can be un-revoked`);
}

/** The revoked app's connections close; with `force`, the revoking connection (its own) only after ten seconds. */
function dropConnections(server, session, id, force, answer) {
  for (const other of [...server.sessions]) {
    if (other.closed || other.enrollmentId !== id) continue;
    if (force && other === session) {
      answer.message = 'Enrollment is revoked. Closing the connection in 10 seconds';
      const timer = setTimeout(() => {
        server.timers.delete(timer);
        other.close();
      }, FORCED_CLOSE_MS);
      timer.unref?.();
      server.timers.add(timer);
    } else {
      other.close();
    }
  }
}

export function decide(server, session, operation, params, force, response) {
  const id = params.enrollmentId;
  if (operation === 'revoke' && id === session.enrollmentId && !force) {
    throw new AtServerException('AtEnrollmentRevokeException', 'Current client cannot revoke its own enrollment');
  }
  const enrollment = findEnrollment(server.store, id);
  const state = enrollment?.approval?.state ?? 'expired';
  if (state === 'expired') return expired(response, id);
  const failed = (message) => enrollmentFail(`Failed to ${operation} enrollment id: ${id}. ${message}`);
  try {
    checkState(operation, state);
  } catch (error) {
    throw failed(error.message);
  }
  for (const [namespace, access] of Object.entries(enrollment.namespaces)) {
    let allowed;
    try {
      allowed = isAuthorized(server, session, { verb: 'enroll', namespace, enrolledAccess: access, operation });
    } catch (error) {
      throw failed(error.message);
    }
    if (!allowed) throw failed('Client is not authorized for namespaces in the enrollment request');
  }
  const answer = { status: NEXT_STATE[operation] };
  const updated = { ...enrollment, approval: { state: NEXT_STATE[operation] } };
  // An approved enrollment lives as long as the app's keys may (apkamKeysExpiryInMillis; 0 is for ever).
  putEnrollment(server.store, id, updated, operation === 'approve' ? { ttl: enrollment.apkamKeysExpiryInMillis ?? 0 } : {});
  if (operation === 'approve') {
    const publicKeyName = `public:${enrollment.appName}.${enrollment.deviceName}.pkam.__pkams.__public_keys${server.atSign}`;
    server.store.put(publicKeyName, JSON.stringify({ apkamPublicKey: enrollment.apkamPublicKey }), {}, { skipCommit: true });
    storeEncryptionKeys(server, id, params);
  }
  answer.enrollmentId = id;
  if (operation === 'revoke') dropConnections(server, session, id, force, answer);
  response.data = JSON.stringify(answer);
}

const summary = (value) => ({
  appName: value.appName,
  deviceName: value.deviceName,
  namespace: value.namespaces,
  encryptedAPKAMSymmetricKey: value.encryptedAPKAMSymmetricKey,
  status: value.approval?.state,
});

/** Every enrollment for a legacy or __manage connection (optionally only some states); otherwise just the connection's own. */
export function listEnrollments(server, session, statusFilter) {
  const all = {};
  const own = session.enrollmentId;
  if (own === null || own === '' || Object.hasOwn(getEnrollment(server.store, own).namespaces, MANAGE)) {
    for (const key of server.store.keys(/new.enrollments/)) {
      const entry = server.store.get(key);
      const value = JSON.parse(entry.data);
      if (!server.store.isActive(entry.meta)) value.approval = { state: 'expired' };
      if (statusFilter === null || statusFilter.includes(value.approval?.state)) all[key] = summary(value);
    }
  } else {
    const value = getEnrollment(server.store, own);
    if (value.approval?.state !== 'expired') all[enrollmentKey(server.atSign, own)] = summary(value);
  }
  return JSON.stringify(all);
}

export const fetchEnrollment = (server, id) => JSON.stringify(summary(getEnrollment(server.store, id)));

/** enroll:delete: only a denied or revoked enrollment; the keys its approval stored stay. */
export function removeEnrollment(server, id, response) {
  const value = getEnrollment(server.store, id);
  const state = value.approval?.state;
  if (state === 'expired') return expired(response, id);
  try {
    checkState('delete', state);
  } catch (error) {
    throw enrollmentFail(`Failed to delete enrollment id: ${id} | Cause: ${error.message}`);
  }
  server.store.remove(enrollmentKey(server.atSign, id), { skipCommit: true });
  response.data = JSON.stringify({ enrollmentId: id, status: 'deleted' });
}
