import { describe, expect, it } from 'vitest';
import { isolate } from '@/src/ui/shared/words';

describe('isolate', () => {
  it('sets a name apart with first-strong isolate and pop isolate, keeping it whole', () => {
    expect(isolate('Work')).toBe('\u2068Work\u2069');
    // An override inside stays inside: the isolate ends before the sentence goes on.
    const overridden = isolate('ab\u202Ecd');
    expect(overridden.startsWith('\u2068')).toBe(true);
    expect(overridden.endsWith('\u2069')).toBe(true);
    expect(overridden.slice(1, -1)).toBe('ab\u202Ecd');
  });
});
