// APKAM enrollment requests (ATPLATFORM §4): an app asks, unauthenticated and
// with a one-time code, for access to some namespaces; on a CRAM-authenticated
// connection the first request is approved at once. The JSON is the server's
// EnrollParams; fields are written in a fixed order so the bytes are testable.

import { decodeBase64 } from '../shared/base64';
import { badInput, malformed } from './errors';
import { checkOneLine, checkToken, wireJson } from './wire-text';

export type NamespaceAccess = 'r' | 'rw';

export interface EnrollRequest {
  appName: string;
  deviceName: string;
  /** e.g. { atwallet: 'rw' } */
  namespaces: Record<string, NamespaceAccess>;
  /** The one-time code from the person's other app; not needed on a CRAM-authenticated connection. */
  otp?: string;
  /** base64 DER SPKI of the app's APKAM key pair. */
  apkamPublicKey: string;
  /** The app's AES key, RSA-encrypted to the atSign's encryption public key (base64). */
  encryptedAPKAMSymmetricKey?: string;
  /** On activation: the atSign's keys, AES-encrypted with the APKAM symmetric key (base64). */
  encryptedDefaultEncryptionPrivateKey?: string;
  encryptedDefaultSelfEncryptionKey?: string;
  /** How long the APKAM keys stay valid, ms. */
  apkamKeysExpiryInMillis?: number;
}

export interface EnrollResponse {
  enrollmentId: string;
  /** "pending", or "approved" on a CRAM-authenticated connection. */
  status: string;
}

const BASE64_FIELDS = [
  'apkamPublicKey',
  'encryptedAPKAMSymmetricKey',
  'encryptedDefaultEncryptionPrivateKey',
  'encryptedDefaultSelfEncryptionKey',
] as const;

function checkText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(`The enrollment's ${what} cannot be empty.`);
  checkOneLine(value, `enrollment's ${what}`);
  return value;
}

function checkNamespaces(namespaces: unknown): Record<string, NamespaceAccess> {
  if (typeof namespaces !== 'object' || namespaces === null || Array.isArray(namespaces) || Object.keys(namespaces).length === 0) {
    throw badInput('An enrollment asks for at least one namespace, like { atwallet: "rw" }.');
  }
  const out: Record<string, NamespaceAccess> = {};
  for (const [name, access] of Object.entries(namespaces)) {
    checkToken(name, 'namespace');
    if (access !== 'r' && access !== 'rw') throw badInput(`Access to namespace "${name}" must be "r" or "rw".`);
    out[name] = access;
  }
  return out;
}

export function enrollRequestCommand(request: EnrollRequest): string {
  if (typeof request !== 'object' || request === null) throw badInput('An enrollment request must be an object.');
  const params: Record<string, unknown> = {
    appName: checkText(request.appName, 'app name'),
    deviceName: checkText(request.deviceName, 'device name'),
    namespaces: checkNamespaces(request.namespaces),
  };
  if (request.otp !== undefined) {
    checkToken(request.otp, 'one-time code');
    params.otp = request.otp;
  }
  for (const field of BASE64_FIELDS) {
    const value = request[field];
    if (value === undefined) {
      if (field === 'apkamPublicKey') throw badInput('An enrollment needs the app\'s APKAM public key.');
      continue;
    }
    if (typeof value !== 'string' || value === '' || decodeBase64(value) === null) throw badInput(`The enrollment's ${field} must be base64.`);
    params[field] = value;
  }
  const expiry = request.apkamKeysExpiryInMillis;
  if (expiry !== undefined) {
    if (!Number.isSafeInteger(expiry) || expiry <= 0) throw badInput('apkamKeysExpiryInMillis must be a whole number above 0.');
    params.apkamKeysExpiryInMillis = expiry;
  }
  return `enroll:request:${wireJson(params)}`;
}

export function parseEnrollResponse(data: string): EnrollResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    throw malformed('The atServer answered an enrollment request with something that is not JSON.', error);
  }
  const { enrollmentId, status } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof enrollmentId !== 'string' || enrollmentId === '' || typeof status !== 'string') {
    throw malformed('The atServer answered an enrollment request without an enrollmentId and status.');
  }
  return { enrollmentId, status };
}
