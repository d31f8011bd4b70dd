// APKAM enrollments as at_secondary's EnrollmentManager keeps them: the
// EnrollDataStoreValue JSON under `<id>.new.enrollments.__manage@alice`, out of
// the commit log; an enrollment whose key is no longer live reads as expired.

/** enroll_constants.dart */
export const MANAGE = '__manage';
export const ALL_NAMESPACES = '*';

export const enrollmentKey = (atSign, id) => `${id}.new.enrollments.${MANAGE}${atSign}`;

/** EnrollDataStoreValue.toJson, in its field order. */
export function enrollmentValue({ sessionId, appName, deviceName, namespaces, apkamPublicKey, state, encryptedAPKAMSymmetricKey = null, apkamKeysExpiryInMillis = 0 }) {
  return {
    sessionId,
    appName,
    deviceName,
    namespaces,
    apkamPublicKey,
    requestType: 'newEnrollment',
    approval: { state },
    encryptedAPKAMSymmetricKey,
    apkamKeysExpiryInMillis,
  };
}

/** The enrollment, its state 'expired' when its key is no longer live; KeyNotFoundException when there is none. */
export function getEnrollment(store, id) {
  const entry = store.get(enrollmentKey(store.atSign, id));
  const value = JSON.parse(entry.data);
  if (!store.isActive(entry.meta)) value.approval = { state: 'expired' };
  return value;
}

/** The enrollment, or null when there is none (the callers that treat a missing one as expired). */
export function findEnrollment(store, id) {
  return store.has(enrollmentKey(store.atSign, id)) ? getEnrollment(store, id) : null;
}

/** EnrollmentManager.put: `meta` carries a ttl when the enrollment should expire. */
export function putEnrollment(store, id, value, meta = {}) {
  store.put(enrollmentKey(store.atSign, id), JSON.stringify(value), meta, { skipCommit: true });
}
