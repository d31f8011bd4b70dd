// Real keys for the sign-in tests: Alice's and Bob's RSA encryption keys from
// the atPlatform demo .atKeys files, and wallet ed25519 keys made from @noble
// seeds, bound with the wallet's own bindSigningKey. Responses are built the
// way the wallet builds them: message, signature over it, binding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { utils } from '@noble/ed25519';
import { expect } from 'vitest';
import { bindSigningKey, readAtKeys, signEd25519, signingPublicKey, type AtKeys, type KeyBinding } from '@/src/keys';
import { encodeBase64Url } from '@/src/shared/base64';
import { buildSignInMessage, SignInError, type SignInErrorCode, type SignInFields, type SignInResponse } from '@/packages/sdk/src';

const fixture = (file: string): string =>
  readFileSync(path.resolve(process.cwd(), '../shared/fixtures/atkeys', file), 'utf8');

export const readAlice = (): Promise<AtKeys> => readAtKeys(fixture('@alice🛠.atKeys'));
export const readBob = (): Promise<AtKeys> => readAtKeys(fixture('@bob🛠.atKeys'));

export interface Wallet {
  seed: string;
  publicKey: string;
  binding: KeyBinding;
}

/** A wallet signing key for `keys`' atSign, bound as the wallet binds it. */
export async function makeWallet(keys: AtKeys): Promise<Wallet> {
  const seed = encodeBase64Url(utils.randomSecretKey());
  const publicKey = await signingPublicKey(seed);
  return { seed, publicKey, binding: await bindSigningKey(keys, publicKey) };
}

export const DOMAIN = 'example.com';
export const NONCE = '8f3kq02mZx';
/** One minute into the message's five-minute window. */
export const NOW = new Date('2026-11-25T10:01:00.000Z');

export const baseFields = (overrides: Partial<SignInFields> = {}): SignInFields => ({
  domain: DOMAIN,
  atSign: '@alice🛠',
  statement: 'Sign in to Example.',
  uri: 'https://example.com',
  nonce: NONCE,
  issuedAt: '2026-11-25T10:00:00.000Z',
  expirationTime: '2026-11-25T10:05:00.000Z',
  resources: ['https://example.com/terms'],
  ...overrides,
});

/** What the wallet answers: the message, its signature by `wallet`, and the wallet's binding. */
export async function signIn(wallet: Wallet, overrides: Partial<SignInFields> = {}): Promise<SignInResponse> {
  const message = buildSignInMessage(baseFields(overrides));
  return { message, signature: await signEd25519(wallet.seed, message), publicKey: wallet.publicKey, keyBinding: wallet.binding };
}

/** Signs an arbitrary text (e.g. a tampered message) with the wallet's key. */
export const signText = (wallet: Wallet, message: string): Promise<string> => signEd25519(wallet.seed, message);

/** Awaits `work` and checks it failed with a SignInError of `code` whose message mentions `mention`. */
export async function expectSignInError(
  work: Promise<unknown> | (() => unknown),
  code: SignInErrorCode,
  mention?: string | RegExp,
): Promise<SignInError> {
  let error: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a SignInError').toBeInstanceOf(SignInError);
  const signInError = error as SignInError;
  expect(signInError.code, signInError.message).toBe(code);
  expect(signInError.message).toMatch(/^[A-Z"].*\.$/s);
  if (mention !== undefined) expect(signInError.message).toMatch(mention);
  return signInError;
}
