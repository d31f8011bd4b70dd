// The resolver is what turns "some RSA key vouches for this signing key" into
// "this atSign's key does". These tests also show the gap it closes.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type AtKeys } from '@/src/keys';
import { SignInError, SignInErrorCode, verifySignIn, type SignInResponse } from '@/src/sdk';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, readAlice, readBob, signIn, type Wallet } from './support';

const options = { domain: DOMAIN, nonce: NONCE, now: NOW };

let aliceKeys: AtKeys;
let bobKeys: AtKeys;
let alice: Wallet;
let response: SignInResponse;
beforeAll(async () => {
  [aliceKeys, bobKeys] = await Promise.all([readAlice(), readBob()]);
  alice = await makeWallet(aliceKeys);
  response = await signIn(alice);
});

describe('verifySignIn with a resolver', () => {
  it("says 'atServer' when the published key is the binding's, asking with the normalised atSign", async () => {
    const resolver = vi.fn(async () => aliceKeys.encryptionPublicKey);
    await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ atSign: '@alice🛠', keySource: 'atServer' });
    expect(resolver).toHaveBeenCalledExactlyOnceWith('@alice🛠');
  });

  it('refuses when the atServer publishes another key (BAD_KEY_BINDING)', async () => {
    const resolver = async () => bobKeys.encryptionPublicKey;
    await expectSignInError(verifySignIn(response, { ...options, resolver }), SignInErrorCode.BAD_KEY_BINDING, /atServer's encryption public key for @alice🛠 differs/);
    await expectSignInError(verifySignIn(response, { ...options, resolver: async () => 'garbage' }), SignInErrorCode.BAD_KEY_BINDING);
  });

  it("says 'self-asserted' when the resolver finds nothing", async () => {
    await expect(verifySignIn(response, { ...options, resolver: async () => null })).resolves.toMatchObject({ keySource: 'self-asserted' });
  });

  it('passes a failing lookup through as is, never downgrading to self-asserted', async () => {
    const down = new Error('atServer unreachable');
    const failure = await verifySignIn(response, { ...options, resolver: () => Promise.reject(down) }).catch((e: unknown) => e);
    expect(failure).toBe(down);
    const wrongType = await verifySignIn(response, { ...options, resolver: async () => undefined as unknown as string }).catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(TypeError);
  });

  it('is not asked when an offline check already failed', async () => {
    const resolver = vi.fn(async () => aliceKeys.encryptionPublicKey);
    await expectSignInError(verifySignIn(response, { ...options, nonce: 'anotherNonce1', resolver }), SignInErrorCode.NONCE_MISMATCH);
    expect(resolver).not.toHaveBeenCalled();
  });

  it("catches Mallory's self-made binding for Alice's atSign, which passes offline as self-asserted", async () => {
    // Mallory holds Bob's keys. She binds her wallet key with them and labels
    // the binding as Alice's: the dataSignature covers only the value, so
    // every offline check passes. Only Alice's published key exposes it.
    const mallory = await makeWallet(bobKeys);
    const forged = await signIn(
      { ...mallory, binding: { ...mallory.binding, atKey: 'public:signing_key.atwallet@alice🛠' } },
      { atSign: '@alice🛠' },
    );
    await expect(verifySignIn(forged, options)).resolves.toMatchObject({ atSign: '@alice🛠', keySource: 'self-asserted' });
    const failure = await verifySignIn(forged, { ...options, resolver: async () => aliceKeys.encryptionPublicKey }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).code).toBe(SignInErrorCode.BAD_KEY_BINDING);
  });
});
