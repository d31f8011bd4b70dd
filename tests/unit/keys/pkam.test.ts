import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAtKeys, signPkamChallenge, type AtKeys } from '@/src/keys';
import { ALICE, expectProblem, fixtureText } from './fixtures';

describe('signPkamChallenge', () => {
  let keys: AtKeys;
  beforeAll(async () => {
    keys = await readAtKeys(fixtureText(ALICE));
  });

  const publicKey = () => ({ key: Buffer.from(keys.pkamPublicKey, 'base64'), format: 'der' as const, type: 'spki' as const });
  const privateKey = () => ({ key: Buffer.from(keys.pkamPrivateKey, 'base64'), format: 'der' as const, type: 'pkcs8' as const });

  it.each(['_70b4e4c8-2d5f-4b1e-9c3a-8f2e6d1a0b9c@alice🛠:5f2c…', 'plain ascii challenge', ''])(
    'signs %j so node:crypto RSA-SHA256 verifies it with the PKAM public key',
    async (challenge) => {
      const signature = await signPkamChallenge(keys.pkamPrivateKey, challenge);
      expect(createVerify('RSA-SHA256').update(challenge, 'utf8').verify(publicKey(), signature, 'base64')).toBe(true);
      // PKCS#1 v1.5 is deterministic: node's own signature is the same bytes.
      expect(signature).toBe(createSign('RSA-SHA256').update(challenge, 'utf8').sign(privateKey(), 'base64'));
    },
  );

  it('does not verify under another key or for another challenge', async () => {
    const signature = await signPkamChallenge(keys.pkamPrivateKey, 'challenge');
    expect(createVerify('RSA-SHA256').update('challengE').verify(publicKey(), signature, 'base64')).toBe(false);
    const encryptionKey = { key: Buffer.from(keys.encryptionPublicKey, 'base64'), format: 'der' as const, type: 'spki' as const };
    expect(createVerify('RSA-SHA256').update('challenge').verify(encryptionKey, signature, 'base64')).toBe(false);
  });

  it('refuses a key that is not a base64 RSA private key, as AtKeysError', async () => {
    await expectProblem(signPkamChallenge('not base64!', 'c'), 'bad-base64');
    await expectProblem(signPkamChallenge(keys.pkamPublicKey, 'c'), 'not-rsa');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expectProblem(signPkamChallenge(ec.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), 'c'), 'not-rsa');
  });
});
