// Every part of a real response changed in turn, each refused with the code of
// the check that catches it.
import { beforeAll, describe, expect, it } from 'vitest';
import { bindSigningKey, type AtKeys } from '@/src/keys';
import { SignInErrorCode, verifySignIn, type SignInResponse } from '@/packages/sdk/src';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, readAlice, readBob, signIn, signText, type Wallet } from './support';

const options = { domain: DOMAIN, nonce: NONCE, now: NOW, allowSelfAsserted: true };
const refused = (response: SignInResponse, code: SignInErrorCode, mention?: RegExp) =>
  expectSignInError(verifySignIn(response, options), code, mention);

/** `base64` with one bit of byte `index` flipped, in the same alphabet. */
function flipBit(text: string, index: number, encoding: 'base64' | 'base64url'): string {
  const bytes = Buffer.from(text, encoding);
  bytes[index] = (bytes[index] ?? 0) ^ 1;
  return bytes.toString(encoding);
}

let aliceKeys: AtKeys;
let bobKeys: AtKeys;
let alice: Wallet;
let mallory: Wallet;
let response: SignInResponse;
beforeAll(async () => {
  [aliceKeys, bobKeys] = await Promise.all([readAlice(), readBob()]);
  [alice, mallory] = await Promise.all([makeWallet(aliceKeys), makeWallet(bobKeys)]);
  response = await signIn(alice);
});

describe('a tampered response is refused', () => {
  it('the untouched response verifies', async () => {
    await expect(verifySignIn(response, options)).resolves.toMatchObject({ atSign: '@alice🛠' });
  });

  it('message: any change to the signed text (BAD_SIGNATURE)', async () => {
    for (const message of [
      response.message.replace('Sign in to Example.', 'Sign in to Exampl3.'),
      response.message.replace('https://example.com/terms', 'https://example.com/other'),
      response.message.replace('\nResources:\n- https://example.com/terms', ''),
    ]) {
      await refused({ ...response, message }, SignInErrorCode.BAD_SIGNATURE, /does not verify/);
    }
  });

  it('signature: one bit, another message’s, or not base64url of 64 bytes (BAD_SIGNATURE)', async () => {
    await refused({ ...response, signature: flipBit(response.signature, 5, 'base64url') }, SignInErrorCode.BAD_SIGNATURE);
    await refused({ ...response, signature: flipBit(response.signature, 40, 'base64url') }, SignInErrorCode.BAD_SIGNATURE);
    await refused({ ...response, signature: await signText(alice, 'something else') }, SignInErrorCode.BAD_SIGNATURE);
    await refused({ ...response, signature: `${response.signature}==` }, SignInErrorCode.BAD_SIGNATURE, /unpadded base64url of 64 bytes/);
    await refused({ ...response, signature: response.signature.slice(4) }, SignInErrorCode.BAD_SIGNATURE);
    await refused({ ...response, signature: Buffer.from(response.signature, 'base64url').toString('base64') + 'x' }, SignInErrorCode.BAD_SIGNATURE);
    await refused({ ...response, signature: 42 } as unknown as SignInResponse, SignInErrorCode.BAD_SIGNATURE);
  });

  it('publicKey: another key, a mangled key, a non-canonical spelling (BAD_SIGNATURE)', async () => {
    await refused({ ...response, publicKey: mallory.publicKey }, SignInErrorCode.BAD_SIGNATURE, /does not verify/);
    await refused({ ...response, publicKey: flipBit(response.publicKey, 0, 'base64url') }, SignInErrorCode.BAD_SIGNATURE);
    // 32 bytes in 43 characters leave 2 spare bits; setting them spells the same key differently.
    const last = response.publicKey.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = response.publicKey.slice(0, -1) + alphabet[alphabet.indexOf(last) | 1];
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(response.publicKey, 'base64url'));
    await refused({ ...response, publicKey: respelled }, SignInErrorCode.BAD_SIGNATURE, /base64url/);
  });

  it('a valid signature by a key the binding does not name (BAD_KEY_BINDING)', async () => {
    // Mallory signs Alice's message with her own key and keeps Alice's binding.
    const signature = await signText(mallory, response.message);
    await refused({ ...response, signature, publicKey: mallory.publicKey }, SignInErrorCode.BAD_KEY_BINDING, /not the publicKey that signed/);
  });

  it('binding value: changed, or changed to match a key the dataSignature does not cover (BAD_KEY_BINDING)', async () => {
    await refused({ ...response, keyBinding: { ...response.keyBinding, value: mallory.publicKey } }, SignInErrorCode.BAD_KEY_BINDING, /not the publicKey that signed/);
    const signature = await signText(mallory, response.message);
    const forged = { ...response, signature, publicKey: mallory.publicKey, keyBinding: { ...alice.binding, value: mallory.publicKey } };
    // The name holds the key id of alice's key, not mallory's.
    await refused(forged, SignInErrorCode.BAD_KEY_BINDING, /names another signing key than its value/);
    // Under the first wallets' name, which has no key id, the signature is what catches it.
    const legacy = { ...forged, keyBinding: { ...forged.keyBinding, atKey: 'public:signing_key.atwallet@alice🛠' } };
    await refused(legacy, SignInErrorCode.BAD_KEY_BINDING, /dataSignature does not verify/);
  });

  it('dataSignature: one bit, another value’s, or not base64 (BAD_KEY_BINDING)', async () => {
    const binding = response.keyBinding;
    await refused({ ...response, keyBinding: { ...binding, dataSignature: flipBit(binding.dataSignature, 100, 'base64') } }, SignInErrorCode.BAD_KEY_BINDING, /dataSignature does not verify/);
    await refused({ ...response, keyBinding: { ...binding, dataSignature: mallory.binding.dataSignature } }, SignInErrorCode.BAD_KEY_BINDING);
    await refused({ ...response, keyBinding: { ...binding, dataSignature: 'not base64!' } }, SignInErrorCode.BAD_KEY_BINDING, /not base64/);
  });

  it('encryptionPublicKey: another atSign’s, mangled, or not a key (BAD_KEY_BINDING)', async () => {
    const binding = response.keyBinding;
    await refused({ ...response, keyBinding: { ...binding, encryptionPublicKey: bobKeys.encryptionPublicKey } }, SignInErrorCode.BAD_KEY_BINDING, /dataSignature does not verify/);
    await refused({ ...response, keyBinding: { ...binding, encryptionPublicKey: flipBit(binding.encryptionPublicKey, 60, 'base64') } }, SignInErrorCode.BAD_KEY_BINDING);
    await refused({ ...response, keyBinding: { ...binding, encryptionPublicKey: Buffer.from('not DER').toString('base64') } }, SignInErrorCode.BAD_KEY_BINDING, /not an RSA public key/);
    await refused({ ...response, keyBinding: { ...binding, encryptionPublicKey: '***' } }, SignInErrorCode.BAD_KEY_BINDING, /not base64/);
  });

  it('atKey: not the signing-key atKey shape (BAD_KEY_BINDING)', async () => {
    for (const atKey of [
      'public:publickey@alice🛠',
      'public:signing_key.atwallet',
      'public:signing_key.atwallet@Alice🛠',
      'public:signing_key.atwallet@ali!ce',
      'signing_key.atwallet@alice🛠',
      'public:signing_key.atwallet@alice🛠 ',
    ]) {
      await refused({ ...response, keyBinding: { ...response.keyBinding, atKey } }, SignInErrorCode.BAD_KEY_BINDING, /atKey/);
    }
  });

  it('a binding that is missing or not all text (BAD_KEY_BINDING)', async () => {
    await refused({ ...response, keyBinding: undefined } as unknown as SignInResponse, SignInErrorCode.BAD_KEY_BINDING, /must be an object/);
    await refused({ ...response, keyBinding: { ...response.keyBinding, value: null } } as unknown as SignInResponse, SignInErrorCode.BAD_KEY_BINDING);
  });

  it('a message whose atSign is not the binding’s (ATSIGN_MISMATCH)', async () => {
    // Alice's wallet key bound by Bob's keys: a sound binding, for @bob🛠.
    const bobBinding = await bindSigningKey(bobKeys, alice.publicKey);
    await refused({ ...response, keyBinding: bobBinding }, SignInErrorCode.ATSIGN_MISMATCH, /signs in @alice🛠 but the keyBinding is for @bob🛠/);
    // The dataSignature covers only the value, so a relabelled atKey still verifies; the atSign check catches it.
    const relabelled = { ...response.keyBinding, atKey: 'public:signing_key.atwallet@bob🛠' };
    await refused({ ...response, keyBinding: relabelled }, SignInErrorCode.ATSIGN_MISMATCH);
    const forBob = await signIn(alice, { atSign: '@bob🛠' });
    await refused(forBob, SignInErrorCode.ATSIGN_MISMATCH);
  });
});
