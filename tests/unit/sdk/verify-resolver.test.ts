// The resolver's answer is what turns "some RSA key vouches for this signing
// key" into "this atSign's key does". These tests hold every answer a
// resolver can give to the same rules, and show the gap it closes.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type AtKeys } from '@/src/keys';
import { SignInError, SignInErrorCode, verifySignIn, type PublishedAtSignKeys, type SignInResponse } from '@/packages/sdk/src';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, readAlice, readBob, signIn, type Wallet } from './support';

const options = { domain: DOMAIN, nonce: NONCE, now: NOW };

let aliceKeys: AtKeys;
let bobKeys: AtKeys;
let alice: Wallet;
let response: SignInResponse;
/** What Alice's atServer publishes once her wallet published its signing key. */
let published: PublishedAtSignKeys;
beforeAll(async () => {
  [aliceKeys, bobKeys] = await Promise.all([readAlice(), readBob()]);
  alice = await makeWallet(aliceKeys);
  response = await signIn(alice);
  published = {
    encryptionPublicKey: aliceKeys.encryptionPublicKey,
    signingKey: { value: alice.binding.value, dataSignature: alice.binding.dataSignature },
  };
});

const withResolver = (answer: PublishedAtSignKeys | null) => ({ ...options, resolver: async () => answer });

describe('verifySignIn confirms on the atPlatform', () => {
  it("says 'atServer' when the published encryption key is the binding's, asking with the normalised atSign and the wallet's key name", async () => {
    const resolver = vi.fn(async () => ({ encryptionPublicKey: aliceKeys.encryptionPublicKey, signingKey: null }));
    await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({
      atSign: '@alice🛠',
      keySource: 'atServer',
      signingKeyPublished: false,
    });
    expect(resolver).toHaveBeenCalledExactlyOnceWith('@alice🛠', { signingAtKey: response.keyBinding.atKey, encryptionPublicKey: response.keyBinding.encryptionPublicKey });
  });

  it('asks once more, fresh, before refusing what a resolver answered, and accepts the fresh answer', async () => {
    const stale = { encryptionPublicKey: aliceKeys.encryptionPublicKey, signingKey: { value: 'another key', dataSignature: null } };
    const resolver = vi.fn(async (_atSign: string, question?: { fresh?: boolean }) => (question?.fresh ? published : stale));
    await expect(verifySignIn(response, { ...options, resolver })).resolves.toMatchObject({ signingKeyPublished: true });
    expect(resolver.mock.calls.map(([, question]) => question?.fresh ?? false)).toEqual([false, true]);
  });

  it('confirms the signing key too when the wallet published it, signed by the encryption key', async () => {
    await expect(verifySignIn(response, withResolver(published))).resolves.toMatchObject({ keySource: 'atServer', signingKeyPublished: true });
  });

  it('refuses another published encryption key (KEY_MISMATCH)', async () => {
    await expectSignInError(
      verifySignIn(response, withResolver({ encryptionPublicKey: bobKeys.encryptionPublicKey, signingKey: null })),
      SignInErrorCode.KEY_MISMATCH,
      /publishes another encryption public key/,
    );
    await expectSignInError(verifySignIn(response, withResolver({ encryptionPublicKey: 'garbage', signingKey: null })), SignInErrorCode.KEY_MISMATCH);
  });

  it('refuses when another signing key is published, or the published one is not signed by the encryption key', async () => {
    const other = await makeWallet(aliceKeys);
    await expectSignInError(
      verifySignIn(response, withResolver({ ...published, signingKey: { value: other.binding.value, dataSignature: other.binding.dataSignature } })),
      SignInErrorCode.KEY_MISMATCH,
      /another wallet signing key/,
    );
    const bobsSignature = (await makeWallet(bobKeys)).binding.dataSignature;
    for (const dataSignature of [bobsSignature, null, '!!not base64!!', '']) {
      await expectSignInError(
        verifySignIn(response, withResolver({ ...published, signingKey: { value: alice.binding.value, dataSignature } })),
        SignInErrorCode.KEY_MISMATCH,
        /bad dataSignature/,
      );
    }
  });

  it('refuses an atSign the root does not know (ATSIGN_NOT_FOUND)', async () => {
    await expectSignInError(verifySignIn(response, withResolver(null)), SignInErrorCode.ATSIGN_NOT_FOUND, /does not know @alice🛠/);
  });

  it('refuses, never downgrades, when the lookup fails (ATSERVER_UNREACHABLE, the failure as cause)', async () => {
    const down = new Error('connect ECONNREFUSED 127.0.0.1:6464');
    const failure = await verifySignIn(response, { ...options, resolver: () => Promise.reject(down) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignInError);
    expect(failure).toMatchObject({ code: SignInErrorCode.ATSERVER_UNREACHABLE, cause: down });
    expect((failure as Error).message).toContain('ECONNREFUSED');
    const refusal = new SignInError(SignInErrorCode.ATSIGN_NOT_FOUND, 'not activated');
    await expect(verifySignIn(response, { ...options, resolver: () => Promise.reject(refusal) })).rejects.toBe(refusal);
  });

  it('treats a resolver answer of the wrong shape as the site’s bug (TypeError)', async () => {
    for (const answer of [undefined, 'base64', { encryptionPublicKey: 1 }, { encryptionPublicKey: 'x' }, { encryptionPublicKey: 'x', signingKey: { value: 2 } }]) {
      await expect(verifySignIn(response, { ...options, resolver: async () => answer as never })).rejects.toBeInstanceOf(TypeError);
    }
  });

  it('is not asked when an offline check already failed, nor when the site allows self-asserted sign-ins', async () => {
    const resolver = vi.fn(async () => published);
    await expectSignInError(verifySignIn(response, { ...options, nonce: 'anotherNonce1', resolver }), SignInErrorCode.NONCE_MISMATCH);
    await expect(verifySignIn(response, { ...options, resolver, allowSelfAsserted: true })).resolves.toMatchObject({ keySource: 'self-asserted' });
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
    await expect(verifySignIn(forged, { ...options, allowSelfAsserted: true })).resolves.toMatchObject({ atSign: '@alice🛠', keySource: 'self-asserted' });
    await expectSignInError(verifySignIn(forged, withResolver(published)), SignInErrorCode.KEY_MISMATCH);
  });
});
