// from, pkam and cram: proving to the atServer that this connection is the
// atSign's own app (at_secondary's from/pkam/cram verb handlers).
import { randomUUID } from 'node:crypto';
import { rsaVerifies, sha512Hex } from '../crypto.mjs';
import { ErrorResponse, fail } from '../errors.mjs';
import { fixAtSign } from './keys.mjs';

const CHALLENGE_TTL_MS = 60_000;

export function from(server, session, { atSign, clientConfig }) {
  if (clientConfig) {
    let config;
    try {
      config = JSON.parse(clientConfig);
    } catch {
      throw fail('IllegalArgumentException', `clientConfig ${clientConfig} is not JSON`);
    }
    session.clientVersion = typeof config?.version === 'string' ? config.version : null;
  }
  const fromAtSign = fixAtSign(atSign);
  const proof = randomUUID();
  const challenge = `${session.id}${fromAtSign}:${proof}`;
  if (fromAtSign !== server.atSign) {
    // Another atSign's server proving itself (pol): not served here (README).
    return { raw: `proof:${challenge}` };
  }
  session.challenge = { text: challenge, proof, until: Date.now() + CHALLENGE_TTL_MS };
  return challenge;
}

/** The stored secret of this session's `from`, or "null" as the server reads a missing one. */
function storedProof(session) {
  const challenge = session.challenge;
  return challenge && challenge.until > Date.now() ? challenge.proof : 'null';
}

const ENROLLMENT_STATES = {
  denied: ['AT0025', 'is denied'],
  pending: ['AT0026', 'is pending'],
  revoked: ['AT0027', 'is revoked'],
  expired: ['AT0028', 'is expired or invalid'],
};

export function pkam(server, session, { hashingAlgo, enrollmentId, signature }) {
  let publicKey;
  if (enrollmentId) {
    const enrollment = server.enrollments.get(enrollmentId);
    const state = enrollment?.status ?? 'expired';
    if (state !== 'approved') {
      const [code, words] = ENROLLMENT_STATES[state] ?? ENROLLMENT_STATES.expired;
      throw new ErrorResponse(code, `enrollment_id: ${enrollmentId} ${words}`);
    }
    publicKey = enrollment.apkamPublicKey;
  } else {
    publicKey = server.store.get('privatekey:at_pkam_publickey').data;
  }
  if (!publicKey) throw fail('UnAuthenticatedException', 'pkam publickey not found');
  const text = `${session.id}${server.atSign}:${storedProof(session)}`;
  if (!rsaVerifies(publicKey, text, signature, hashingAlgo === 'sha512' ? 'sha512' : 'sha256')) {
    session.authenticated = false;
    throw fail('UnAuthenticatedException', 'pkam authentication failed');
  }
  Object.assign(session, { authenticated: true, authType: enrollmentId ? 'apkam' : 'pkamLegacy', enrollmentId: enrollmentId || null });
  return 'success';
}

export function cram(server, session, { digest }) {
  const secret = server.store.get('privatekey:at_secret').data;
  const expected = sha512Hex(`${secret}${session.id}${server.atSign}:${storedProof(session)}`);
  if (digest !== expected) {
    session.authenticated = false;
    throw fail('UnAuthenticatedException', 'Authentication Failed');
  }
  Object.assign(session, { authenticated: true, authType: 'cram', enrollmentId: null });
  return 'success';
}
