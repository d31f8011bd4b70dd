import type { Grant } from '@/src/shared/grant';

export const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);

let count = 0;

/** A valid grant for https://site.example, until revoked; override what the test is about. */
export function makeGrant(overrides: Partial<Grant> = {}): Grant {
  count += 1;
  return {
    id: `grant-${count}`,
    origin: 'https://site.example',
    atSign: '@alice',
    personaId: 'persona-work',
    fields: ['name', 'email'],
    grantedAt: T0 - 60_000,
    expiresAt: null,
    ...overrides,
  };
}
