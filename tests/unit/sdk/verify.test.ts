import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, SignInErrorCode, verifySignIn, type SignInResponse } from '@/packages/sdk/src';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, readAlice, signIn, type Wallet } from './support';

// These tests are about the offline checks: they opt out of the atPlatform
// (verify-resolver.test.ts and the atPlatform tests cover confirmation).
const options = { domain: DOMAIN, nonce: NONCE, now: NOW, allowSelfAsserted: true };
const at = (iso: string) => ({ ...options, now: new Date(iso) });

let alice: Wallet;
beforeAll(async () => {
  alice = await makeWallet(await readAlice());
});

describe('verifySignIn accepts', () => {
  it('a real response: the atSign, the parsed message and the signing key, self-asserted when the site allows it', async () => {
    const response = await signIn(alice);
    const verified = await verifySignIn(response, options);
    expect(verified).toEqual({
      atSign: '@alice🛠',
      message: {
        domain: 'example.com',
        atSign: '@alice🛠',
        statement: 'Sign in to Example.',
        uri: 'https://example.com',
        version: '1',
        nonce: NONCE,
        issuedAt: '2026-11-25T10:00:00.000Z',
        expirationTime: '2026-11-25T10:05:00.000Z',
        resources: ['https://example.com/terms'],
      },
      publicKey: alice.publicKey,
      keySource: 'self-asserted',
      signingKeyPublished: false,
      profile: {},
    });
  });

  it('a message with only the required lines, a port in the domain, and `now` as a number', async () => {
    const response = await signIn(alice, {
      domain: 'localhost:3000',
      uri: 'http://localhost:3000',
      statement: undefined,
      expirationTime: undefined,
      resources: undefined,
    });
    const verified = await verifySignIn(response, { domain: 'localhost:3000', scheme: 'http', nonce: NONCE, now: NOW.getTime(), allowSelfAsserted: true });
    expect(verified.message).toEqual({
      domain: 'localhost:3000',
      atSign: '@alice🛠',
      uri: 'http://localhost:3000',
      version: '1',
      nonce: NONCE,
      issuedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('up to the last millisecond before expiry, from Not Before on, and Issued At up to the allowed skew ahead', async () => {
    const response = await signIn(alice, { notBefore: '2026-11-25T10:00:30.000Z' });
    await expect(verifySignIn(response, at('2026-11-25T10:04:59.999Z'))).resolves.toBeTruthy();
    await expect(verifySignIn(response, at('2026-11-25T10:00:30.000Z'))).resolves.toBeTruthy();
    const early = await signIn(alice, { issuedAt: new Date(NOW.getTime() + MAX_CLOCK_SKEW_MS).toISOString(), expirationTime: undefined });
    await expect(verifySignIn(early, options)).resolves.toBeTruthy();
  });
});

describe('verifySignIn refuses', () => {
  it('a message that breaks the grammar (GRAMMAR), before anything else', async () => {
    const response = await signIn(alice);
    await expectSignInError(verifySignIn({ ...response, message: `${response.message}\n` }, options), SignInErrorCode.GRAMMAR);
    await expectSignInError(verifySignIn({ ...response, message: response.message.replace(/\n/g, '\r\n') }, options), SignInErrorCode.GRAMMAR);
    await expectSignInError(verifySignIn({ ...response, message: undefined } as unknown as SignInResponse, options), SignInErrorCode.GRAMMAR);
    await expectSignInError(verifySignIn(null as unknown as SignInResponse, options), SignInErrorCode.GRAMMAR, /response must be an object/);
  });

  it('a message for another site (DOMAIN_MISMATCH), port included', async () => {
    const response = await signIn(alice);
    await expectSignInError(verifySignIn(response, { ...options, domain: 'evil.example' }), SignInErrorCode.DOMAIN_MISMATCH, /"example\.com", not "evil\.example"/);
    await expectSignInError(verifySignIn(response, { ...options, domain: 'example.com:8443' }), SignInErrorCode.DOMAIN_MISMATCH);
    const other = await signIn(alice, { domain: 'evil.example' });
    await expectSignInError(verifySignIn(other, options), SignInErrorCode.DOMAIN_MISMATCH);
  });

  it('an answer given to the http page of the same host, or naming another site in its URI (DOMAIN_MISMATCH)', async () => {
    const onHttp = await signIn(alice, { uri: 'http://example.com' });
    await expectSignInError(verifySignIn(onHttp, options), SignInErrorCode.DOMAIN_MISMATCH, /http:\/\/example\.com, not https:\/\/example\.com/);
    await expect(verifySignIn(onHttp, { ...options, scheme: 'http' })).resolves.toBeTruthy();
    const elsewhere = await signIn(alice, { uri: 'https://evil.example/login' });
    await expectSignInError(verifySignIn(elsewhere, options), SignInErrorCode.DOMAIN_MISMATCH);
    const otherPort = await signIn(alice, { uri: 'https://example.com:8443' });
    await expectSignInError(verifySignIn(otherPort, options), SignInErrorCode.DOMAIN_MISMATCH);
    // The page's path does not matter: the origin does.
    await expect(verifySignIn(await signIn(alice, { uri: 'https://example.com/login' }), options)).resolves.toBeTruthy();
  });

  it('a scheme it does not know, as a TypeError', async () => {
    const response = await signIn(alice);
    await expect(verifySignIn(response, { ...options, scheme: 'ftp' as 'http' })).rejects.toBeInstanceOf(TypeError);
  });

  it('a replay under another nonce (NONCE_MISMATCH)', async () => {
    const response = await signIn(alice);
    await expectSignInError(verifySignIn(response, { ...options, nonce: 'aNewNonceForThisTry' }), SignInErrorCode.NONCE_MISMATCH);
  });

  it('an expired message (EXPIRED), from the expiry instant on', async () => {
    const response = await signIn(alice);
    await expectSignInError(verifySignIn(response, at('2026-11-25T10:05:00.000Z')), SignInErrorCode.EXPIRED, /expired at 2026-11-25T10:05:00\.000Z/);
    await expectSignInError(verifySignIn(response, at('2027-01-01T00:00:00.000Z')), SignInErrorCode.EXPIRED);
  });

  it('a message before Not Before, or issued too far in the future (NOT_YET_VALID)', async () => {
    const response = await signIn(alice, { notBefore: '2026-11-25T10:02:00.000Z' });
    await expectSignInError(verifySignIn(response, options), SignInErrorCode.NOT_YET_VALID, /not valid before 2026-11-25T10:02:00\.000Z/);
    const future = await signIn(alice, { issuedAt: new Date(NOW.getTime() + MAX_CLOCK_SKEW_MS + 1).toISOString(), expirationTime: undefined });
    await expectSignInError(verifySignIn(future, options), SignInErrorCode.NOT_YET_VALID, /issued at .*more than 5 minutes after now/);
  });

  it('in the contract order: the first failing check names the error', async () => {
    const response = await signIn(alice);
    const badSignature = { ...response, signature: response.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await expectSignInError(verifySignIn(badSignature, { ...options, domain: 'evil.example' }), SignInErrorCode.DOMAIN_MISMATCH);
    await expectSignInError(verifySignIn(badSignature, { ...options, nonce: 'anotherNonce1' }), SignInErrorCode.NONCE_MISMATCH);
    await expectSignInError(verifySignIn(badSignature, at('2026-11-25T11:00:00.000Z')), SignInErrorCode.EXPIRED);
    await expectSignInError(verifySignIn({ ...badSignature, keyBinding: null } as unknown as SignInResponse, options), SignInErrorCode.BAD_SIGNATURE);
  });
});

describe('verifySignIn misuse by the server', () => {
  it('is a TypeError, not a SignInError', async () => {
    const response = await signIn(alice);
    await expect(verifySignIn(response, { ...options, domain: 'https://example.com' })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, nonce: 'short' })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, now: new Date('nope') })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, resolver: 'atserver' as never })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, undefined as never)).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, allowSelfAsserted: 'yes' as never })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, root: 'root.atsign.org' })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, root: 'https://root.atsign.org:64' })).rejects.toThrow(TypeError);
    await expect(verifySignIn(response, { ...options, ca: 42 as never })).rejects.toThrow(TypeError);
  });

  it('is a TypeError that says how, when this build has no way to the atPlatform and the site gave none', async () => {
    const response = await signIn(alice);
    const { allowSelfAsserted: _, ...confirming } = options;
    await expect(verifySignIn(response, confirming)).rejects.toThrow(/cannot reach the atPlatform here.*resolver.*allowSelfAsserted/);
  });

  it('uses the real clock when `now` is left out', async () => {
    const issuedAt = new Date().toISOString();
    const response = await signIn(alice, { issuedAt, expirationTime: new Date(Date.now() + 60_000).toISOString() });
    await expect(verifySignIn(response, { domain: DOMAIN, nonce: NONCE, allowSelfAsserted: true })).resolves.toBeTruthy();
    const old = await signIn(alice, { issuedAt: '2020-01-01T00:00:00.000Z', expirationTime: '2020-01-01T00:05:00.000Z' });
    await expectSignInError(verifySignIn(old, { domain: DOMAIN, nonce: NONCE, allowSelfAsserted: true }), SignInErrorCode.EXPIRED);
  });
});
