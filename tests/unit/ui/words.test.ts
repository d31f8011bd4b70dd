import { describe, expect, it } from 'vitest';
import { formatTime, isolate } from '@/src/ui/shared/words';

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

describe('formatTime', () => {
  const at = Date.UTC(2026, 10, 25, 14, 5);
  it('reads a moment in each locale asked for, whichever was asked first', () => {
    const english = formatTime(at, 'en-GB');
    const german = formatTime(at, 'de-DE');
    expect(english).toBe(new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));
    expect(german).toBe(new Date(at).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' }));
    expect(english).not.toBe(german);
    expect(formatTime(at + 60_000, 'en-GB')).not.toBe(english);
  });
  it("uses the person's own locale when none is named", () => {
    expect(formatTime(at)).toBe(new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  });
});
