// from, pkam and cram (at_secondary's from/pkam/cram verb handlers): the
// challenge `_<sessionId>@alice:<uuid>`, kept a minute; PKAM verified over
// exactly that text with the legacy PKAM key or the enrollment's APKAM key;
// CRAM as SHA-512 of secret + challenge.
import { randomUUID } from 'node:crypto';
import { fixAtSign } from '../at-sign.mjs';
import { dartBase64Decode, rsaVerifies, sha512Hex } from '../crypto.mjs';
import { DartError, DartException, dartType, fail } from '../errors.mjs';
import { findEnrollment } from '../enrollments.mjs';

/** The from handler stores its proof with a one-minute time-to-live. */
const CHALLENGE_TTL_MS = 60_000;

function readClientConfig(session, text) {
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new DartException(`FormatException: ${error.message}`);
  }
  // InboundConnectionMetadata's fields: clientVersion a String, the others String?.
  if (typeof config.version !== 'string') throw new DartError(`type '${dartType(config.version)}' is not a subtype of type 'String'`);
  for (const name of ['clientId', 'appName', 'appVersion', 'platform']) {
    if (config[name] != null && typeof config[name] !== 'string') throw new DartError(`type '${dartType(config[name])}' is not a subtype of type 'String?'`);
  }
  session.clientVersion = config.version;
}

export function from({ server, session }, params, response) {
  if (params.clientConfig) readClientConfig(session, params.clientConfig);
  const fromAtSign = fixAtSign(params.atSign);
  if (fromAtSign !== server.atSign) {
    // Another atSign's server proving itself (from + pol). The server checks
    // the caller's client certificate first; the doors here present none to
    // the core, so this is the answer a client without one gets.
    throw fail('UnAuthenticatedException', 'Certificate Verification Failed');
  }
  const proof = randomUUID();
  session.challenge = { proof, until: Date.now() + CHALLENGE_TTL_MS };
  response.data = `data:${session.id}${fromAtSign}:${proof}`;
}

/** The proof `from` stored for this connection; KeyNotFoundException as the keystore throws it. */
function storedProof(server, session) {
  const challenge = session.challenge;
  if (!challenge || challenge.until < Date.now()) throw fail('KeyNotFoundException', `private:${session.id}${server.atSign} does not exist in keystore`);
  return challenge.proof;
}

const ENROLLMENT_STATES = {
  denied: ['AT0025', 'is denied'],
  pending: ['AT0026', 'is pending'],
  revoked: ['AT0027', 'is revoked'],
  expired: ['AT0028', 'is expired or invalid'],
};

export function pkam({ server, session }, params, response) {
  const { enrollmentId, signature, hashingAlgo, signingAlgo } = params;
  let publicKey;
  if (enrollmentId) {
    const state = findEnrollment(server.store, enrollmentId)?.approval?.state ?? 'expired';
    if (state !== 'approved') {
      const [code, words] = ENROLLMENT_STATES[state] ?? ENROLLMENT_STATES.expired;
      Object.assign(response, { isError: true, errorCode: code, errorMessage: `enrollment_id: ${enrollmentId} ${words}` });
      return;
    }
    publicKey = findEnrollment(server.store, enrollmentId).apkamPublicKey;
  } else {
    publicKey = server.store.get('privatekey:at_pkam_publickey').data;
  }
  if (!publicKey) throw fail('UnAuthenticatedException', 'pkam publickey not found');
  const text = `${session.id}${server.atSign}:${storedProof(server, session)}`;
  const bytes = dartBase64Decode(signature);
  // An ECC signature cannot verify against the RSA keys this server holds.
  const valid = signingAlgo?.toLowerCase() !== 'ecc_secp256r1' && rsaVerifies(publicKey, text, bytes, hashingAlgo?.toLowerCase() === 'sha512' ? 'sha512' : 'sha256');
  if (!valid) {
    session.authenticated = false;
    throw fail('UnAuthenticatedException', 'pkam authentication failed');
  }
  Object.assign(session, { authenticated: true, authType: enrollmentId ? 'apkam' : 'pkamLegacy', enrollmentId: enrollmentId ?? null });
  response.data = 'success';
}

export function cram({ server, session }, params, response) {
  const secret = server.store.get('privatekey:at_secret').data;
  const expected = sha512Hex(`${secret}${session.id}${server.atSign}:${storedProof(server, session)}`);
  if (params.digest !== expected) {
    session.authenticated = false;
    throw fail('UnAuthenticatedException', 'Authentication Failed');
  }
  Object.assign(session, { authenticated: true, authType: 'cram' });
  response.data = 'success';
}
