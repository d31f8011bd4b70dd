// Key names as the verbs' regexes split them, put back together the way the
// server stores them, and who may touch them (APKAM namespaces).
import { normaliseAtSign } from '../../atkeys-input.mjs';
import { fail } from '../errors.mjs';

/** at_utils' fixAtSign for a name from a command; InvalidAtSign is the server's IllegalArgument here. */
export function fixAtSign(name) {
  try {
    return normaliseAtSign(name);
  } catch (error) {
    throw fail('InvalidAtKeyException', error.message);
  }
}

/** `public:phone.wavi@alice`, `@bob:phone.wavi@alice` or `phone.wavi@alice`, from a regex's groups. */
export function storedKey(groups, currentAtSign) {
  const owner = groups.atSign ? fixAtSign(groups.atSign) : currentAtSign;
  if (groups.atKey === 'privatekey:at_pkam_publickey' || groups.atKey === 'privatekey:at_secret') return { key: groups.atKey, owner };
  const scope = groups.publicScope ? 'public:' : groups.forAtSign ? `${fixAtSign(groups.forAtSign)}:` : '';
  return { key: `${scope}${groups.atKey}${owner}`, owner };
}

/** The namespace of a stored key: what follows the last '.' of its name, before the '@'. */
export function namespaceOf(key) {
  const name = key.slice(key.indexOf(':') + 1).replace(/@[^@]*$/, '');
  const dot = name.lastIndexOf('.');
  return dot === -1 ? null : name.slice(dot + 1);
}

/**
 * Whether this connection may read ('r') or write ('rw') `key`. Legacy PKAM
 * and CRAM connections hold every namespace; an APKAM enrollment only those
 * it was approved for ('*' for all), and a key without a namespace only with '*'.
 */
export function mayAccess(server, session, key, access) {
  if (session.enrollmentId === null) return true;
  const enrollment = server.enrollments.get(session.enrollmentId);
  if (!enrollment) return false;
  const granted = (ns) => {
    const right = enrollment.namespaces[ns];
    return right === 'rw' || (access === 'r' && right === 'r');
  };
  if (granted('*')) return true;
  const namespace = namespaceOf(key);
  return namespace !== null && granted(namespace);
}

export function requireAccess(server, session, key, access, verb) {
  if (!mayAccess(server, session, key, access)) {
    throw fail('UnAuthorizedException', `Connection with enrollment ID ${session.enrollmentId} is not authorized to ${verb} key: ${key}`);
  }
}
