// otp (otp_verb_handler.dart) and the passcode check enroll:request makes
// (AbstractVerbHandler.isPasscodeValid). A one-time code is kept as the key
// `private:<code>.__otp@alice` (five minutes unless `otp:get:ttl:<ms>`), used
// once; a semi-permanent passcode set by `otp:put` as `private:spp.__otp@alice`.
import { randomInt } from 'node:crypto';
import { isAuthorized } from '../authorize.mjs';
import { AtServerException, fail } from '../errors.mjs';

const DEFAULT_OTP_TTL_MS = 5 * 60_000;
const LETTERS_WITHOUT_O = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';

/**
 * generateOTP's codes: a hash in base 36, upper case, '0' replaced by 1–8 and
 * 'O' by another letter, padded to six with one letter; redrawn until it has
 * a digit. (The server hashes a UUID; a random 30-bit number stands in.)
 */
export function generateOtp() {
  let otp = '';
  while (!/\d/.test(otp)) {
    otp = randomInt(2 ** 30).toString(36).toUpperCase();
    otp = [...otp].map((c) => (c === '0' ? String(randomInt(1, 9)) : c === 'O' ? LETTERS_WITHOUT_O[randomInt(LETTERS_WITHOUT_O.length)] : c)).join('');
    if (otp.length < 6) otp = otp.padEnd(6, LETTERS_WITHOUT_O[randomInt(LETTERS_WITHOUT_O.length)]);
  }
  return otp;
}

export const passcodeKey = (atSign, code, spp) => (spp ? `private:spp.__otp${atSign}` : `private:${code.toLowerCase()}.__otp${atSign}`);

export function otp({ server, session }, params, response) {
  if (!session.authenticated) throw fail('UnAuthenticatedException', 'otp: requires authenticated connection');
  const ttl = params.ttl === undefined ? null : Number(params.ttl);
  if (params.operation === 'get') {
    const code = generateOtp();
    server.store.put(passcodeKey(server.atSign, code, false), code, { ttl: ttl ?? DEFAULT_OTP_TTL_MS });
    response.data = code;
    return;
  }
  if (params.operation === 'put') {
    // Only an app with access to __manage may set one; InvalidRequestException is not one the server answers as such.
    if (!isAuthorized(server, session, { verb: 'otp', namespace: '__manage' })) throw new AtServerException('InvalidRequestException', 'Client not allowed to not store semi permanent pass code');
    if (params.otp === undefined) throw new AtServerException('InvalidRequestException', 'otp:put requires a passcode');
    server.store.put(passcodeKey(server.atSign, params.otp, true), params.otp, { ttl: ttl ?? -1 });
    response.data = 'ok';
    return;
  }
  throw fail('InvalidSyntaxException', `${params.operation} is not a valid operation`);
}

/** isPasscodeValid: the standing passcode if it matches (case-insensitively), else a live one-time code — spent by trying it. */
export function passcodeIsValid(server, code) {
  if (typeof code !== 'string') return false;
  const { store, atSign } = server;
  let sppKey = passcodeKey(atSign, code, true);
  if (!store.has(sppKey)) sppKey = `private:spp${atSign}`;
  if (store.has(sppKey)) {
    const spp = store.get(sppKey);
    if (String(spp.data).toLowerCase() === code.toLowerCase() && store.isActive(spp.meta)) return true;
  }
  let otpKey = passcodeKey(atSign, code, false);
  if (!store.has(otpKey)) otpKey = `private:${code.toLowerCase()}${atSign}`;
  if (!store.has(otpKey)) return false;
  const valid = store.isActive(store.get(otpKey).meta);
  store.remove(otpKey);
  return valid;
}
