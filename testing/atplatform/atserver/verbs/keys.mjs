// keys (keys_verb_handler.dart): for APKAM-authenticated apps only. `get`
// with a keyName answers that key's stored value — whatever the key; the
// server checks only that the app's own enrollment is approved — so an app
// reads the keys its approval left it:
// `keys:get:keyName:<id>.default_enc_private_key.__manage@alice` → `{"value":…}`.
import { AtServerException, fail } from '../errors.mjs';
import { MANAGE, getEnrollment } from '../enrollments.mjs';

const enrollmentFail = (message) => new AtServerException('AtEnrollmentException', message);

function keyNameFor(params, atSign) {
  const { visibility, keyName, namespace, appName, deviceName } = params;
  if (visibility === 'public') return `public:${keyName}.__public_keys.${namespace}${atSign}`;
  if (visibility === 'private') return `private:${appName}.${deviceName}.${keyName}.__private_keys.${namespace}${atSign}`;
  if (visibility === 'self') return `${appName}.${deviceName}.${keyName}.__self_keys.${namespace}${atSign}`;
  return null;
}

/** The keys listed for a visibility: this enrollment's own __global (and, with __manage, __manage) keys, and its encrypted private or self key. */
function listKeys(server, enrollmentId, visibility, hasManage) {
  const { store, atSign } = server;
  const escaped = atSign.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = hasManage ? new RegExp(`.*${visibility}.*__global${escaped}$|.*${visibility}.*__manage${escaped}$`) : new RegExp(`.*__${visibility}_keys.__global${escaped}$`);
  const found = visibility ? store.keys(pattern).filter((key) => JSON.parse(store.get(key).data ?? 'null')?.enrollmentId === enrollmentId) : [];
  const own = { private: `${enrollmentId}.default_enc_private_key.${MANAGE}${atSign}`, self: `${enrollmentId}.default_self_enc_key.${MANAGE}${atSign}` }[visibility];
  if (own !== undefined && store.has(own) && store.get(own).data !== null) found.push(own);
  return found;
}

export function keys({ server, session }, params, response) {
  const enrollmentId = session.enrollmentId;
  if (enrollmentId === null) throw enrollmentFail('Keys verb cannot be accessed without an enrollmentId');
  let hasManage = false;
  if (server.store.has(`${enrollmentId}.new.enrollments.${MANAGE}${server.atSign}`)) {
    const enrollment = getEnrollment(server.store, enrollmentId);
    if (enrollment.approval?.state !== 'approved') throw enrollmentFail(`Enrollment Id ${enrollmentId} is not approved. current state: ${enrollment.approval?.state}`);
    hasManage = enrollment.namespaces[MANAGE] === 'rw';
  }
  const { store, atSign } = server;
  if (params.operation === 'put') {
    const name = keyNameFor(params, atSign);
    if (name === null) return;
    const value = { value: params.keyValue ?? null, keyType: params.keyType ?? null, enrollmentId, encryptionKeyName: params.encryptionKeyName ?? null };
    response.data = String(store.put(name, JSON.stringify(value), {}, { skipCommit: true }));
  } else if (params.operation === 'get') {
    if (params.keyName) {
      if (!store.has(params.keyName)) throw fail('KeyNotFoundException', `key ${params.keyName} not found in keystore`);
      response.data = store.get(params.keyName).data;
      return;
    }
    response.data = JSON.stringify(listKeys(server, enrollmentId, params.visibility, hasManage));
  } else if (params.operation === 'delete') {
    response.data = String(store.remove(params.keyName ?? '', { skipCommit: true }));
  }
}
