// scan (scan_verb_handler.dart): live keys matching the regex (searched, not
// anchored). Without authentication only public keys, without their
// `public:`, hidden `public:_…` ones left out. The owner's legacy PKAM or
// CRAM connection sees everything but private:, privatekey:, public:_ and _
// keys (`showhidden:true` lets public:__ and _ keys back in); an APKAM
// connection only public keys and those in its namespaces, unless it has '*'.
import { DartException, fail } from '../errors.mjs';
import { ALL_NAMESPACES, MANAGE, getEnrollment } from '../enrollments.mjs';

function hiddenFromOwner(key, showHidden) {
  if (showHidden && (key.startsWith('public:__') || key.startsWith('_'))) return false;
  return key.startsWith('private:') || key.startsWith('privatekey:') || key.startsWith('public:_') || key.startsWith('_');
}

function filterByEnrollment(server, session, keys) {
  const namespaces = getEnrollment(server.store, session.enrollmentId).namespaces;
  if (Object.keys(namespaces).length === 0) return [];
  if (Object.hasOwn(namespaces, ALL_NAMESPACES)) return keys;
  return keys.filter((key) => {
    if (key.startsWith('public:')) return true;
    if (!key.includes('.')) return false;
    const namespace = key.slice(key.lastIndexOf('.') + 1, key.lastIndexOf('@'));
    return Object.hasOwn(namespaces, namespace) && namespace !== MANAGE;
  });
}

/** Dart's RegExp constructor throws FormatException for a bad pattern; the server does not catch it. */
function compile(pattern) {
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new DartException(`FormatException: ${error.message}`);
  }
}

export function scan({ server, session }, params, response) {
  const forAtSign = params.forAtSign;
  if (forAtSign !== undefined && forAtSign !== server.atSign) {
    if (!session.authenticated) throw fail('UnAuthenticatedException', 'Scan to another atSign cannot be performed without auth');
    throw fail('SecondaryNotFoundException', `The local atServer of ${server.atSign} does not scan ${forAtSign}'s atServer`);
  }
  let keys = server.store.keys(params.regex === undefined ? null : compile(params.regex));
  if (session.authenticated) {
    keys = keys.filter((key) => !hiddenFromOwner(key, params.showhidden === 'true'));
    if (session.enrollmentId !== null) keys = filterByEnrollment(server, session, keys);
  } else {
    keys = keys.filter((key) => key.startsWith('public:') && !key.startsWith('public:_')).map((key) => key.replaceAll('public:', ''));
  }
  response.data = JSON.stringify(keys);
}
