// Framing: what an atServer writes, split anywhere or run together, becomes
// prompts, replies and notifications — and anything else is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtClientError, AtFramer, AtServerError, type AtFrame } from '@/src/atplatform';

/** Frames from feeding `chunks` in order; errors are recorded, not thrown. */
function frame(chunks: string[], { end = false, maxChars }: { end?: boolean; maxChars?: number } = {}) {
  const frames: AtFrame[] = [];
  const framer = new AtFramer((f) => frames.push(f), maxChars);
  let error: unknown = null;
  for (const chunk of chunks) {
    try {
      framer.push(chunk);
    } catch (e) {
      error ??= e;
    }
  }
  if (end) framer.end();
  return { frames, error };
}

/** Frames with prompts dropped, errors as plain { code, text } for comparison. */
const summary = (frames: AtFrame[]) =>
  frames
    .filter((f) => f.type !== 'prompt')
    .map((f) => (f.type === 'error' ? { type: 'error', code: f.error.code, text: f.error.text } : f));

const A_SESSION =
  '@' +
  'data:_5ac1e8b2-1a5c-4c67-9a3b-0b4c0a6f8d21@alice🛠:7f0f6c1e-2c0a-4f5b-8f53-2b0c5d2b3a11\n@' +
  'data:success\n@alice🛠@' +
  'data:{"key":"public:signing_key.atwallet@alice🛠","data":"v","metaData":{"dataSignature":"c2ln"}}\n@alice🛠@' +
  'error:AT0015-key not found : public:x@alice🛠 does not exist in keystore\n@alice🛠@' +
  'notification: {"id":"1","key":"@alice🛠:x@bob"}\n' +
  'notification: {"id":"2","key":"@alice🛠:y@bob"}\n';

const A_SESSION_FRAMES = [
  { type: 'data', data: '_5ac1e8b2-1a5c-4c67-9a3b-0b4c0a6f8d21@alice🛠:7f0f6c1e-2c0a-4f5b-8f53-2b0c5d2b3a11' },
  { type: 'data', data: 'success' },
  { type: 'data', data: '{"key":"public:signing_key.atwallet@alice🛠","data":"v","metaData":{"dataSignature":"c2ln"}}' },
  { type: 'error', code: 'AT0015', text: 'key not found : public:x@alice🛠 does not exist in keystore' },
  { type: 'notification', json: '{"id":"1","key":"@alice🛠:x@bob"}' },
  { type: 'notification', json: '{"id":"2","key":"@alice🛠:y@bob"}' },
];

describe('AtFramer', () => {
  it('announces the greeting prompt as soon as "@" arrives', () => {
    expect(frame(['@']).frames).toEqual([{ type: 'prompt' }]);
  });

  it('reads replies before and after authentication, stripping either prompt', () => {
    const { frames, error } = frame([A_SESSION]);
    expect(error).toBeNull();
    expect(summary(frames)).toEqual(A_SESSION_FRAMES);
    expect(frames[0]).toEqual({ type: 'prompt' });
  });

  it('gives the same frames however the text is split (every two-way split, and one character at a time)', () => {
    for (let i = 0; i <= A_SESSION.length; i++) {
      expect(summary(frame([A_SESSION.slice(0, i), A_SESSION.slice(i)]).frames)).toEqual(A_SESSION_FRAMES);
    }
    expect(summary(frame([...A_SESSION]).frames)).toEqual(A_SESSION_FRAMES);
  });

  it('gives the same frames for any chunking of any replies (property)', () => {
    const value = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 40 }).filter((s) => !/[\n]/.test(s));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (values, cuts) => {
        const stream = '@' + values.map((v) => `data:${v}\n@alice@`).join('');
        const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i, all) => stream.slice(p, all[i + 1] ?? stream.length));
        expect(summary(frame(chunks).frames)).toEqual(values.map((data) => ({ type: 'data', data })));
      }),
    );
  });

  it('reads the three error shapes the server writes', () => {
    const { frames } = frame([
      '@error:AT0401-Exception: pkam authentication failed\n@',
      'error:{"errorCode":"AT0015","errorDescription":"key not found : x does not exist"}\n@',
      'error:AT0026:enrollment_id: 9d1c-77 is pending\n@',
      'error:something went wrong\n@',
    ]);
    const errors = frames.filter((f) => f.type === 'error').map((f) => (f.type === 'error' ? f.error : null));
    expect(errors.every((e) => e instanceof AtServerError)).toBe(true);
    expect(errors.map((e) => [e?.code, e?.text])).toEqual([
      ['AT0401', 'Exception: pkam authentication failed'],
      ['AT0015', 'key not found : x does not exist'],
      ['AT0026', 'enrollment_id: 9d1c-77 is pending'],
      ['AT0014', 'something went wrong'],
    ]);
  });

  it('keeps a newline inside a reply that is not followed by "@" (as Atsign’s client does)', () => {
    expect(summary(frame(['@error:AT0011-Exception: first\nsecond\n@']).frames)).toEqual([
      { type: 'error', code: 'AT0011', text: 'Exception: first\nsecond' },
    ]);
  });

  it('reads monitor lines whether or not a prompt precedes them', () => {
    const { frames } = frame(['@alice@notification: {"id":"-1"}\n', 'data:ok\n@alice@notification: {"id":"3"}\n']);
    expect(summary(frames)).toEqual([
      { type: 'notification', json: '{"id":"-1"}' },
      { type: 'data', data: 'ok' },
      { type: 'notification', json: '{"id":"3"}' },
    ]);
  });

  it('waits for the prompt after a reply before calling it complete', () => {
    const { frames } = frame(['@data:abc\n']);
    expect(summary(frames)).toEqual([]);
  });

  it('delivers a reply the server ended without a prompt when the connection closes, and drops a fragment', () => {
    expect(summary(frame(['error:AT0012-Inbound connection limit exceeded\n'], { end: true }).frames)).toEqual([
      { type: 'error', code: 'AT0012', text: 'Inbound connection limit exceeded' },
    ]);
    expect(summary(frame(['@data:half a rep'], { end: true }).frames)).toEqual([]);
  });

  it.each([
    ['plain text', 'hello\n'],
    ['the root’s answer', '@127.0.0.1:6464\r\n@'],
    ['a stream verb reply', '@stream:init\n@'],
    ['a blank line after the prompt', '@\n@'],
  ])('refuses %s as malformed', (_name, text) => {
    const { error } = frame([text]);
    expect(error).toBeInstanceOf(AtClientError);
    expect((error as AtClientError).problem).toBe('malformed');
    expect((error as AtClientError).message).toMatch(/^The atServer sent .*\.$/s);
  });

  it('takes nothing more after refusing input', () => {
    const { frames, error } = frame(['junk\n', '@data:ok\n@']);
    expect(error).toBeInstanceOf(AtClientError);
    expect(summary(frames)).toEqual([]);
  });

  it('refuses a reply that grows past the limit, and a prompt that never ends', () => {
    const long = frame(['@data:', 'x'.repeat(100), 'y'.repeat(100)], { maxChars: 150 });
    expect((long.error as AtClientError).problem).toBe('malformed');
    expect((long.error as AtClientError).message).toMatch(/longer than 150 characters/);
    const prompt = frame(['@' + 'a'.repeat(600)]);
    expect((prompt.error as AtClientError).message).toMatch(/prompt that never ends/);
  });

  it('refuses a reply or a notification past the limit that arrives whole, in one piece or with its end', () => {
    for (const chunks of [['@data:' + 'x'.repeat(200) + '\n@'], ['@data:' + 'x'.repeat(100), 'y'.repeat(100) + '\n@'], ['notification:' + 'n'.repeat(200) + '\n']]) {
      const { frames, error } = frame(chunks, { maxChars: 150 });
      expect((error as AtClientError).message).toMatch(/longer than 150 characters/);
      expect(summary(frames)).toEqual([]);
    }
    // At the limit, it is taken.
    expect(summary(frame(['@data:' + 'x'.repeat(144) + '\n@'], { maxChars: 150 }).frames)).toEqual([{ type: 'data', data: 'x'.repeat(144) }]);
  });

  it('reads a large reply arriving in many chunks without rescanning it (stays linear)', () => {
    const big = 'z'.repeat(2_000_000);
    const chunks = ['@data:', ...Array.from({ length: 2000 }, (_, i) => big.slice(i * 1000, (i + 1) * 1000)), '\n@'];
    const { frames } = frame(chunks);
    expect(summary(frames)).toEqual([{ type: 'data', data: big }]);
  });
});
