// The profile shared with a sign-in travels signed with it: verifySignIn
// returns it only as the wallet signed it, bound to that message, and refuses
// every change — a value edited by a page script, a field added or dropped, a
// profile moved from another sign-in, or one with no signature at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { profileStatement, SignInErrorCode, verifySignIn, type SignInResponse } from '@/packages/sdk/src';
import { canonicalProfile, MAX_PROFILE_FIELDS } from '@/packages/sdk/src/siwa/profile';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, readAlice, readBob, signIn, signText, type Wallet } from './support';

const options = { domain: DOMAIN, nonce: NONCE, now: NOW, allowSelfAsserted: true };
const PROFILE = { name: 'Alice', email: 'alice@example.org', 'x-team': 'Blue' };

let alice: Wallet;
let mallory: Wallet;
/** A sign-in with PROFILE signed as the wallet signs it. */
let response: SignInResponse;

async function withProfile(wallet: Wallet, profile: Record<string, string>, nonce = NONCE): Promise<SignInResponse> {
  const signed = await signIn(wallet, { nonce });
  return { ...signed, profile, profileSignature: await signText(wallet, await profileStatement(signed.message, profile)) };
}
const refused = (changed: SignInResponse, mention?: RegExp) =>
  expectSignInError(verifySignIn(changed, options), SignInErrorCode.PROFILE_MISMATCH, mention);

beforeAll(async () => {
  const [aliceKeys, bobKeys] = await Promise.all([readAlice(), readBob()]);
  [alice, mallory] = await Promise.all([makeWallet(aliceKeys), makeWallet(bobKeys)]);
  response = await withProfile(alice, PROFILE);
});

describe('a profile signed with the sign-in', () => {
  it('is returned verified, exactly as the wallet gave it', async () => {
    const verified = await verifySignIn(response, options);
    expect(verified.profile).toEqual(PROFILE);
    expect(verified.atSign).toBe('@alice🛠');
  });

  it('is {} when the sign-in shared none', async () => {
    expect((await verifySignIn(await signIn(alice), options)).profile).toEqual({});
  });

  it('is signed in a form that does not depend on the order of its keys', async () => {
    const reordered = { 'x-team': 'Blue', email: 'alice@example.org', name: 'Alice' };
    expect(canonicalProfile(reordered)).toBe(canonicalProfile(PROFILE));
    expect((await verifySignIn({ ...response, profile: reordered }, options)).profile).toEqual(reordered);
  });

  it('refuses a changed, added or dropped value', async () => {
    await refused({ ...response, profile: { ...PROFILE, email: 'mallory@example.org' } }, /not the one the wallet signed/);
    await refused({ ...response, profile: { ...PROFILE, name: 'Alice ' } });
    await refused({ ...response, profile: { ...PROFILE, phone_number: '+1 555 0100' } });
    const { email: _email, ...withoutEmail } = PROFILE;
    await refused({ ...response, profile: withoutEmail });
    await refused({ ...response, profile: {} });
  });

  it('refuses a profile with no signature, or a signature with no profile', async () => {
    const { profileSignature: _signature, ...unsigned } = response;
    await refused(unsigned, /not signed/);
    const { profile: _profile, ...bare } = response;
    await refused(bare, /no profile/);
  });

  it('refuses a profile and signature taken from another sign-in, or signed by another key', async () => {
    const other = await withProfile(alice, PROFILE, 'otherNonce123');
    await refused({ ...response, profileSignature: other.profileSignature });
    const forged = await withProfile(mallory, { ...PROFILE, email: 'mallory@example.org' });
    await refused({ ...response, profile: forged.profile, profileSignature: forged.profileSignature });
    // Signed over the bare JSON, without the message it belongs to.
    await refused({ ...response, profileSignature: await signText(alice, canonicalProfile(PROFILE)) });
  });

  it('refuses what is not a profile, before checking any signature', async () => {
    for (const profile of [null, [], 'name=Alice', { name: 42 }, { 'Not A Field': 'x' }, { picture: 'x'.repeat(200_001) }]) {
      await refused({ ...response, profile } as unknown as SignInResponse);
    }
    const many = Object.fromEntries(Array.from({ length: MAX_PROFILE_FIELDS + 1 }, (_, i) => [`x-f${i}`, 'v']));
    await refused({ ...response, profile: many }, /more than/);
  });

  it('checks the message first: a tampered message is BAD_SIGNATURE whatever the profile', async () => {
    await expectSignInError(
      verifySignIn({ ...response, message: response.message.replace('Example', 'Exampl3') }, options),
      SignInErrorCode.BAD_SIGNATURE,
    );
  });
});
