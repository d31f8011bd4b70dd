// The same response checked by independent code, Node's own crypto: the
// ed25519 signature over the UTF-8 message, and the RSA dataSignature over the
// binding's value. If our verifier and node:crypto ever disagree, one is wrong.
import { createPublicKey, createVerify, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignIn } from '@/packages/sdk/src';
import { DOMAIN, makeWallet, NONCE, NOW, readAlice, signIn } from './support';

describe('cross-check with node:crypto', () => {
  it('node:crypto verifies what verifySignIn accepts, and refuses the same tampering', async () => {
    const wallet = await makeWallet(await readAlice());
    const response = await signIn(wallet);
    await expect(verifySignIn(response, { domain: DOMAIN, nonce: NONCE, now: NOW, allowSelfAsserted: true })).resolves.toBeTruthy();

    const ed25519Key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: response.publicKey }, format: 'jwk' });
    const signature = Buffer.from(response.signature, 'base64url');
    const message = Buffer.from(response.message, 'utf8');
    expect(verify(null, message, ed25519Key, signature)).toBe(true);
    expect(verify(null, Buffer.from(response.message.replace('Example', 'Exampl3'), 'utf8'), ed25519Key, signature)).toBe(false);
    expect(response.keyBinding.value).toBe(response.publicKey);

    const { value, dataSignature, encryptionPublicKey } = response.keyBinding;
    const spki = { key: Buffer.from(encryptionPublicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
    expect(createVerify('RSA-SHA256').update(value, 'utf8').verify(spki, dataSignature, 'base64')).toBe(true);
    const other = (await makeWallet(await readAlice())).publicKey;
    expect(createVerify('RSA-SHA256').update(other, 'utf8').verify(spki, dataSignature, 'base64')).toBe(false);
  });
});
