// Shared helpers for the key tests: the real demo .atKeys files from
// ../shared/fixtures/atkeys, and an independent (node:crypto) implementation
// of the file's AES-CTR encryption, so tests do not only check our code
// against itself.

import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { AtKeysError, type AtKeysProblem } from '@/src/keys';

const dir = fileURLToPath(new URL('../../../../shared/fixtures/atkeys/', import.meta.url));

export interface FixtureInfo {
  file: string;
  atSign: string;
  encryptionPublicKeySha256: string;
  pkamPublicKeySha256: string;
  modulusBits: number;
}

export const fixtures: FixtureInfo[] = (
  JSON.parse(readFileSync(path.join(dir, 'fixtures.json'), 'utf8')) as { files: FixtureInfo[] }
).files;

export const fixtureText = (file: string): string => readFileSync(path.join(dir, file), 'utf8');

export const fixtureJson = (file: string): Record<string, unknown> =>
  JSON.parse(fixtureText(file)) as Record<string, unknown>;

export const ALICE = '@alice🛠.atKeys';
export const BOB = '@bob🛠.atKeys';
export const BARBARA = '@barbara.atKeys';

const ZERO_IV = Buffer.alloc(16);

/** AES-256-CTR, zero IV, PKCS#7, base64 — written with node:crypto. */
export function encryptField(selfKeyBase64: string, plaintext: string): string {
  const data = Buffer.from(plaintext, 'utf8');
  const pad = 16 - (data.length % 16);
  const padded = Buffer.concat([data, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-ctr', Buffer.from(selfKeyBase64, 'base64'), ZERO_IV);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export function decryptField(selfKeyBase64: string, ciphertextBase64: string): string {
  const decipher = createDecipheriv('aes-256-ctr', Buffer.from(selfKeyBase64, 'base64'), ZERO_IV);
  const padded = Buffer.concat([decipher.update(Buffer.from(ciphertextBase64, 'base64')), decipher.final()]);
  return padded.subarray(0, padded.length - (padded.at(-1) ?? 0)).toString('utf8');
}

/** Awaits a rejection and checks it is an AtKeysError of this problem whose message names `mention`. */
export async function expectProblem(
  promise: Promise<unknown>,
  problem: AtKeysProblem,
  mention?: string,
): Promise<AtKeysError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtKeysError);
  const keysError = error as AtKeysError;
  expect(keysError.problem).toBe(problem);
  expect(keysError.message).toMatch(/^[A-Z].*\.$/s);
  if (mention !== undefined) expect(keysError.message).toContain(mention);
  return keysError;
}
