// Signing with the browser's own Ed25519 where it has one, @noble/ed25519
// where not: the same signature either way, byte for byte, and a real
// failure is never hidden behind the fallback.
import { signAsync } from '@noble/ed25519';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKey, signEd25519 } from '@/src/keys';
import { resetEd25519Support } from '@/src/keys/ed25519';
import { decodeBase64Url, encodeBase64Url, utf8Encode } from '@/src/shared/base64';

const MESSAGES = ['', 'hi', 'example.com wants you to sign in with your atSign:\n@alice🛠', 'x'.repeat(5_000)];

afterEach(() => {
  vi.restoreAllMocks();
  resetEd25519Support();
});

const noble = async (seed: string, message: string) => encodeBase64Url(await signAsync(utf8Encode(message), decodeBase64Url(seed)!));

describe('an Ed25519 signature', () => {
  it('is the same from WebCrypto as from @noble/ed25519', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    for (let i = 0; i < 5; i++) {
      const { seed } = await generateSigningKey();
      for (const message of MESSAGES) expect(await signEd25519(seed, message)).toBe(await noble(seed, message));
    }
    expect(importKey).toHaveBeenCalledWith('pkcs8', expect.any(Uint8Array), { name: 'Ed25519' }, false, ['sign']);
  });

  it('falls back to @noble/ed25519 where the browser has no Ed25519, and stops asking it', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized name.', 'NotSupportedError'));
    const { seed } = await generateSigningKey();
    expect(await signEd25519(seed, 'hi')).toBe(await noble(seed, 'hi'));
    expect(await signEd25519(seed, 'again')).toBe(await noble(seed, 'again'));
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('does not hide a real failure behind the fallback', async () => {
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Bad key data.', 'DataError'));
    const { seed } = await generateSigningKey();
    await expect(signEd25519(seed, 'hi')).rejects.toMatchObject({ name: 'DataError' });
  });
});
