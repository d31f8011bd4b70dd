import { createHash, createPublicKey, createVerify, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bindSigningKey,
  generateSigningKey,
  readAtKeys,
  signEd25519,
  signingPublicKey,
  verifyKeyBinding,
  type AtKeys,
  type KeyBinding,
} from '@/src/keys';
import { ALICE, BOB, expectProblem, fixtureText } from './fixtures';

const ed25519Key = (publicKey: string) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });

describe('ed25519 signing key', () => {
  it('generates a 32-byte seed and public key, base64url without padding', async () => {
    const key = await generateSigningKey();
    expect(key.seed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await signingPublicKey(key.seed)).toBe(key.publicKey);
    expect((await generateSigningKey()).seed).not.toBe(key.seed);
  });

  it('signs UTF-8 so node:crypto verifies it', async () => {
    const key = await generateSigningKey();
    const message = 'example.com wants you to sign in with your atSign:\n@alice🛠';
    const signature = await signEd25519(key.seed, message);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    const sig = Buffer.from(signature, 'base64url');
    expect(verify(null, Buffer.from(message, 'utf8'), ed25519Key(key.publicKey), sig)).toBe(true);
    expect(verify(null, Buffer.from(`${message}!`, 'utf8'), ed25519Key(key.publicKey), sig)).toBe(false);
  });

  it('matches RFC 8032 test vector 1', async () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex').toString('base64url');
    expect(Buffer.from(await signingPublicKey(seed), 'base64url').toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(Buffer.from(await signEd25519(seed, ''), 'base64url').toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('refuses a seed that is not 32 bytes of base64url', async () => {
    await expectProblem(signEd25519('short', 'm'), 'bad-base64', 'seed');
    await expectProblem(signingPublicKey(`${'A'.repeat(43)}=`), 'bad-base64', 'seed');
  });
});

describe('key binding', () => {
  let alice: AtKeys;
  let bob: AtKeys;
  let signing: { seed: string; publicKey: string };
  let binding: KeyBinding;
  beforeAll(async () => {
    [alice, bob, signing] = await Promise.all([readAtKeys(fixtureText(ALICE)), readAtKeys(fixtureText(BOB)), generateSigningKey()]);
    binding = await bindSigningKey(alice, signing.publicKey);
  });

  it('is the signed public atKey DESIGN §2 describes, named for its own key so wallets of one atSign publish side by side', () => {
    const keyId = createHash('sha256').update(Buffer.from(signing.publicKey, 'base64url')).digest('hex').slice(0, 16);
    expect(binding).toEqual({
      atKey: `public:${keyId}.signing_key.atwallet@alice🛠`,
      value: signing.publicKey,
      dataSignature: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      encryptionPublicKey: alice.encryptionPublicKey,
    });
  });

  it("verifies with node:crypto: RSA-SHA256 by the encryption key over the value, and the value is the ed25519 key", async () => {
    const encryptionKey = { key: Buffer.from(binding.encryptionPublicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
    expect(createVerify('RSA-SHA256').update(binding.value, 'utf8').verify(encryptionKey, binding.dataSignature, 'base64')).toBe(true);
    const message = 'sign in';
    const signature = Buffer.from(await signEd25519(signing.seed, message), 'base64url');
    expect(verify(null, Buffer.from(message), ed25519Key(binding.value), signature)).toBe(true);
  });

  it('verifyKeyBinding accepts it for its atSign, in any spelling that normalises to it', async () => {
    expect(await verifyKeyBinding(binding, '@alice🛠')).toBe(true);
    expect(await verifyKeyBinding(binding, 'ALICE🛠')).toBe(true);
  });

  it('verifyKeyBinding rejects a tampered value, signature, atSign or key', async () => {
    const other = await generateSigningKey();
    expect(await verifyKeyBinding({ ...binding, value: other.publicKey }, '@alice🛠')).toBe(false);
    const sig = Buffer.from(binding.dataSignature, 'base64');
    sig[10] = (sig[10] ?? 0) ^ 1;
    expect(await verifyKeyBinding({ ...binding, dataSignature: sig.toString('base64') }, '@alice🛠')).toBe(false);
    expect(await verifyKeyBinding(binding, '@bob🛠')).toBe(false);
    expect(await verifyKeyBinding({ ...binding, encryptionPublicKey: bob.encryptionPublicKey }, '@alice🛠')).toBe(false);
  });

  it("cannot tell a relabelled binding offline, but can given the atSign's real encryption key", async () => {
    // The dataSignature covers only the value, as on the atPlatform: Alice can
    // relabel her own binding as Bob's, and only Bob's published
    // `public:publickey@bob` (passed as the trusted key) exposes it.
    const relabelled = { ...binding, atKey: 'public:signing_key.atwallet@bob🛠' };
    expect(await verifyKeyBinding(relabelled, '@bob🛠')).toBe(true);
    expect(await verifyKeyBinding(relabelled, '@bob🛠', bob.encryptionPublicKey)).toBe(false);
    expect(await verifyKeyBinding(binding, '@alice🛠', alice.encryptionPublicKey)).toBe(true);
    expect(await verifyKeyBinding(binding, '@alice🛠', 'not a key')).toBe(false);
  });

  it('verifyKeyBinding says false, not throws, for nonsense', async () => {
    expect(await verifyKeyBinding({ ...binding, encryptionPublicKey: 'nope' }, '@alice🛠')).toBe(false);
    expect(await verifyKeyBinding({ ...binding, dataSignature: '***' }, '@alice🛠')).toBe(false);
    expect(await verifyKeyBinding({ ...binding, value: 'AAAA' }, '@alice🛠')).toBe(false);
    expect(await verifyKeyBinding(null as unknown as KeyBinding, '@alice🛠')).toBe(false);
    expect(await verifyKeyBinding(binding, '@a/b')).toBe(false);
  });

  it('refuses to bind with an encryption key pair that does not match', async () => {
    await expectProblem(
      bindSigningKey({ ...alice, encryptionPublicKey: bob.encryptionPublicKey }, signing.publicKey),
      'key-mismatch',
      'encryption',
    );
    await expectProblem(bindSigningKey(alice, 'not-a-key'), 'bad-base64', 'signing public key');
    await expectProblem(bindSigningKey({ ...alice, atSign: '@a b' }, signing.publicKey), 'bad-atsign');
  });
});
