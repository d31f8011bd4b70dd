// Which keys an APKAM-authenticated connection may touch
// (AbstractVerbHandler.isAuthorized). A legacy PKAM or CRAM connection (no
// enrollment) may touch everything, and every connection may touch reserved
// keys (public:publickey@alice, privatekey:at_pkam_publickey, shared_key…).
// Otherwise the enrollment must be approved and grant the key's namespace —
// the last dot-segment of the name, or a longer enrolled namespace the name
// ends with — else '*'; 'r' lets the reading verbs in, 'rw' the writing ones
// too; '__manage' only ever lets otp, enroll and monitor in.
import { fail } from './errors.mjs';
import { ALL_NAMESPACES, MANAGE, findEnrollment } from './enrollments.mjs';
import { keyType, parseAtKey } from './key-types.mjs';

const READING = new Set(['llookup', 'lookup', 'notifyFetch', 'notifyStatus', 'notifyList', 'monitor']);
const WRITING = new Set(['update', 'delete', 'notify', 'notifyAll', 'notifyRemove', 'monitor']);

/** The enrolled namespace that covers `namespace` (or the key), and the access it grants. */
function grantFor(namespaces, namespace, keyWithNamespace) {
  let granted = Object.keys(namespaces).find((enrolled) => `.${namespace}`.endsWith(`.${enrolled}`)) ?? '';
  if (granted === '' && keyWithNamespace) granted = Object.keys(namespaces).find((enrolled) => keyWithNamespace.endsWith(`.${enrolled}`)) ?? '';
  if (granted === '' && Object.hasOwn(namespaces, ALL_NAMESPACES)) granted = ALL_NAMESPACES;
  return [granted, namespaces[granted]];
}

/**
 * `verb` names the asking verb (as READING/WRITING do, plus 'otp' and
 * 'enroll'); `operation` is set by enroll's approve/deny/revoke, which also
 * compare `enrolledAccess` (the access the enrollment being decided asks for).
 */
export function isAuthorized(server, session, { verb, atKey = null, namespace = null, enrolledAccess = '', operation = '' }) {
  if (session.enrollmentId === null || (atKey !== null && keyType(atKey) === 'reservedKey')) return true;
  const enrollment = findEnrollment(server.store, session.enrollmentId);
  if (enrollment === null) return false;
  if (enrollment.approval?.state !== 'approved') return false;
  if (operation !== '' && !Object.hasOwn(enrollment.namespaces, MANAGE)) {
    throw fail('AtEnrollmentException', 'The approving enrollment does not have access to "__manage" namespace');
  }
  let keyWithNamespace = '';
  if ((namespace === null || namespace === '') && atKey !== null) {
    const parsed = parseAtKey(atKey);
    namespace = parsed.namespace;
    // Dart writes a missing namespace as "null".
    keyWithNamespace = `${parsed.name}.${namespace ?? 'null'}`;
  }
  const [granted, access] = grantFor(enrollment.namespaces, namespace ?? 'null', keyWithNamespace);
  if (granted === '' || !access) return false;
  if (granted === MANAGE) return ['otp', 'enroll', 'monitor'].includes(verb) && (access === 'r' || access === 'rw');
  if (verb === 'enroll') return enrolledAccess !== '' && (access === 'rw' || (access === 'r' && enrolledAccess === 'r'));
  return (READING.has(verb) && (access === 'r' || access === 'rw')) || (WRITING.has(verb) && access === 'rw');
}

/** UnAuthorizedException with the text each verb uses. */
export function requireAuthorized(server, session, verb, atKey, action = verb) {
  if (!isAuthorized(server, session, { verb, atKey })) {
    throw fail('UnAuthorizedException', `Connection with enrollment ID ${session.enrollmentId} is not authorized to ${action} key: ${atKey}`);
  }
}
