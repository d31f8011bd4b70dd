import { describe, expect, it } from 'vitest';
import { buildSignInMessage, createNonce, parseSignInMessage } from '@/packages/sdk/src';
import { DEFAULT_NONCE_CHARS } from '@/packages/sdk/src/siwa';

describe('createNonce', () => {
  it('makes 22 letters and digits by default, which the message grammar accepts', () => {
    const nonce = createNonce();
    expect(DEFAULT_NONCE_CHARS).toBe(22);
    expect(nonce).toMatch(/^[A-Za-z0-9]{22}$/);
    const message = buildSignInMessage({ domain: 'example.com', atSign: '@alice🛠', uri: 'https://example.com', nonce, issuedAt: '2026-11-25T10:00:00.000Z' });
    expect(parseSignInMessage(message).nonce).toBe(nonce);
  });

  it('never repeats, and uses the whole alphabet', () => {
    const nonces = Array.from({ length: 2000 }, () => createNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(new Set(nonces.join('')).size).toBe(62);
  });

  it('makes 16 to 64 characters on request, and refuses other lengths', () => {
    expect(createNonce(16)).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(createNonce(64)).toMatch(/^[A-Za-z0-9]{64}$/);
    for (const length of [15, 65, 20.5, Number.NaN]) expect(() => createNonce(length)).toThrow(RangeError);
  });
});
