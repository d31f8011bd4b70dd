// The persona editor's pure helpers: the size a chosen picture is drawn at,
// what a picture file becomes, and which message the person sees for which
// field of a draft.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  draftProblems,
  NAME_KEY,
  customKey,
  type CustomDraft,
  type Draft,
} from '@/src/ui/personas/draft';
import { MAX_PICTURE_SIDE, pictureFileProblem, resizePicture, scaledSize } from '@/src/ui/personas/resize-picture';

describe('scaledSize', () => {
  it('brings the longer side down to 256 px and keeps the shape', () => {
    expect(scaledSize(1024, 768)).toEqual({ width: 256, height: 192 });
    expect(scaledSize(768, 1024)).toEqual({ width: 192, height: 256 });
    expect(scaledSize(4032, 3024)).toEqual({ width: 256, height: 192 });
    expect(scaledSize(5000, 5000)).toEqual({ width: 256, height: 256 });
    expect(scaledSize(1000, 333)).toEqual({ width: 256, height: 85 });
  });

  it('never enlarges a small picture', () => {
    expect(scaledSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(scaledSize(256, 256)).toEqual({ width: 256, height: 256 });
    expect(scaledSize(1, 1)).toEqual({ width: 1, height: 1 });
    expect(scaledSize(256, 10)).toEqual({ width: 256, height: 10 });
  });

  it('keeps a very thin picture at least 1 px wide', () => {
    expect(scaledSize(10_000, 1)).toEqual({ width: 256, height: 1 });
    expect(scaledSize(3, 9_000)).toEqual({ width: 1, height: 256 });
  });

  it('honours another limit', () => {
    expect(scaledSize(800, 400, 100)).toEqual({ width: 100, height: 50 });
  });

  it('holds for every size: within 256 px, never bigger than it was, the shape kept to the pixel', () => {
    const sides = [1, 2, 7, 99, 255, 256, 257, 300, 511, 640, 1000, 1081, 1920, 3024, 4032, 12_345];
    for (const w of sides) {
      for (const h of sides) {
        const out = scaledSize(w, h);
        const at = `${w}×${h} → ${out.width}×${out.height}`;
        expect(Math.max(out.width, out.height), at).toBeLessThanOrEqual(MAX_PICTURE_SIDE);
        expect(Math.min(out.width, out.height), at).toBeGreaterThanOrEqual(1);
        expect(out.width, at).toBeLessThanOrEqual(w);
        expect(out.height, at).toBeLessThanOrEqual(h);
        if (Math.max(w, h) <= MAX_PICTURE_SIDE) expect(out, at).toEqual({ width: w, height: h });
        else expect(Math.max(out.width, out.height), at).toBe(MAX_PICTURE_SIDE);
        // Rounding to whole pixels moves each side by at most half a pixel.
        const scale = Math.max(out.width, out.height) / Math.max(w, h);
        if (w * scale >= 1) expect(Math.abs(out.width - w * scale), at).toBeLessThanOrEqual(0.5);
        if (h * scale >= 1) expect(Math.abs(out.height - h * scale), at).toBeLessThanOrEqual(0.5);
      }
    }
  });
});

describe('pictureFileProblem', () => {
  it('takes PNG, JPEG and WebP, and refuses other files and huge ones by name', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp']) expect(pictureFileProblem(new File(['x'], 'p', { type }))).toBeNull();
    expect(pictureFileProblem(new File(['x'], 'p.gif', { type: 'image/gif' }))).toBe('Choose a PNG, JPEG or WebP picture.');
    expect(pictureFileProblem(new File(['x'], 'p.svg', { type: 'image/svg+xml' }))).toBe('Choose a PNG, JPEG or WebP picture.');
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.png', { type: 'image/png' });
    expect(pictureFileProblem(huge)).toBe('This picture is 26.0 MB. Choose one under 25.0 MB.');
  });
});

/** A canvas as the browser gives one, recording what is drawn; `alpha` is every pixel's opacity. */
function fakeCanvas(alpha: number, pngLength = 1_000) {
  const drawn: { width: number; height: number }[] = [];
  const filled: string[] = [];
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => context,
    toDataURL: (type: string) => (type === 'image/png' ? `data:image/png;base64,${'A'.repeat(pngLength)}` : 'data:image/jpeg;base64,JPEG'),
  };
  const context = {
    imageSmoothingEnabled: false,
    imageSmoothingQuality: 'low',
    globalCompositeOperation: 'source-over',
    fillStyle: '',
    drawImage: (_image: unknown, _x: number, _y: number, width: number, height: number) => void drawn.push({ width, height }),
    getImageData: (_x: number, _y: number, width: number, height: number) => ({
      data: Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => (i % 4 === 3 ? alpha : 0)),
    }),
    fillRect: () => void filled.push(context.fillStyle),
  };
  return { canvas, drawn, filled };
}

function pictureOf(width: number, height: number) {
  const close = vi.fn();
  vi.stubGlobal('createImageBitmap', vi.fn(async () => ({ width, height, close })));
  return close;
}

describe('resizePicture', () => {
  afterEach(() => void vi.unstubAllGlobals());
  const png = () => new File([new Uint8Array(10)], 'me.png', { type: 'image/png' });

  it('draws a big photo at most 256 px on its long side and gives a JPEG', async () => {
    const close = pictureOf(4032, 3024);
    const { canvas, drawn } = fakeCanvas(255);
    vi.stubGlobal('document', { createElement: () => canvas });
    expect(await resizePicture(png())).toBe('data:image/jpeg;base64,JPEG');
    expect(drawn).toEqual([{ width: 256, height: 192 }]);
    expect({ width: canvas.width, height: canvas.height }).toEqual({ width: 256, height: 192 });
    expect(close).toHaveBeenCalled();
  });

  it('keeps see-through parts as PNG when that is small enough, without enlarging a small picture', async () => {
    pictureOf(64, 48);
    const { canvas, drawn, filled } = fakeCanvas(0);
    vi.stubGlobal('document', { createElement: () => canvas });
    expect(await resizePicture(png())).toMatch(/^data:image\/png;base64,/);
    expect(drawn).toEqual([{ width: 64, height: 48 }]);
    expect(filled).toEqual([]);
  });

  it('puts a see-through picture on white as JPEG when its PNG would be too big', async () => {
    pictureOf(600, 600);
    const { canvas, filled } = fakeCanvas(100, 250_000);
    vi.stubGlobal('document', { createElement: () => canvas });
    expect(await resizePicture(png())).toBe('data:image/jpeg;base64,JPEG');
    expect(filled).toEqual(['#ffffff']);
  });

  it('refuses a file of the wrong kind before reading it', async () => {
    const decode = vi.fn();
    vi.stubGlobal('createImageBitmap', decode);
    await expect(resizePicture(new File(['GIF89a'], 'a.gif', { type: 'image/gif' }))).rejects.toThrow(
      'Choose a PNG, JPEG or WebP picture.',
    );
    expect(decode).not.toHaveBeenCalled();
  });

  it('says so when the file is not a picture the browser can read', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn(async () => Promise.reject(new DOMException('bad', 'InvalidStateError'))));
    await expect(resizePicture(png())).rejects.toThrow(
      'This file could not be read as a picture. Choose a PNG, JPEG or WebP picture.',
    );
  });
});

function draft(overrides: Partial<Draft> = {}): Draft {
  return { name: 'Work', fields: {}, custom: [], shown: {}, unreadable: {}, tried: false, ...overrides };
}
let rows = 0;
function custom(label: string, value: string, savedName: string | null = null): CustomDraft {
  return { key: `row${++rows}`, savedName, label, value };
}

describe('draftProblems', () => {
  it('finds nothing wrong with a good draft', () => {
    const good = draft({
      fields: {
        name: 'Barbara Jones',
        email: 'barbara@work.example',
        phone_number: '+44 20 7946 0000',
        website: 'https://barbara.example',
        picture: 'data:image/png;base64,iVBORw0KGgo=',
        birthdate: '1990-04-01',
        locale: 'en-GB',
        zoneinfo: 'Europe/London',
        address: '1 High Street\nLondon',
      },
      custom: [custom('GitHub', 'bj-octo')],
    });
    expect(draftProblems(good, ['Public', 'Family'])).toEqual({});
  });

  it('asks for a name, a short one, and one not already used', () => {
    expect(draftProblems(draft({ name: '   ' }), [])).toEqual({ [NAME_KEY]: 'Give the persona a name.' });
    expect(draftProblems(draft({ name: 'x'.repeat(41) }), [])).toEqual({ [NAME_KEY]: 'Use at most 40 characters.' });
    expect(draftProblems(draft({ name: 'x'.repeat(40) }), [])).toEqual({});
    expect(draftProblems(draft({ name: ' family ' }), ['Public', 'Family'])).toEqual({
      [NAME_KEY]: 'You already have a persona called family.',
    });
  });

  it('gives each bad standard field its own message, under that field', () => {
    const bad = draft({
      fields: {
        email: 'not an email',
        phone_number: '12',
        website: 'ftp://barbara.example',
        picture: 'javascript:alert(1)',
        birthdate: '2999-01-01',
        locale: 'English',
        zoneinfo: 'Europe London',
        nickname: ' BJ',
        name: 'Barbara\u0007Jones',
      },
    });
    expect(draftProblems(bad, [])).toEqual({
      email: 'Enter an email address like name@example.com.',
      phone_number: 'Enter a phone number with its country code, like +44 20 7946 0000.',
      website: 'Enter a web address that starts with https://.',
      picture: 'A picture is an uploaded image or an https:// address.',
      birthdate: 'Enter a date in the past, as YYYY-MM-DD.',
      locale: 'Enter a language tag like en-GB.',
      zoneinfo: 'Enter a time zone like Europe/London.',
      nickname: 'Remove the spaces at the start or end.',
      name: 'Remove line breaks and control characters.',
    });
  });

  it('says a half-typed date must be finished or cleared, and ignores empty fields', () => {
    expect(draftProblems(draft({ fields: { birthdate: '' }, unreadable: { birthdate: true } }), [])).toEqual({
      birthdate: 'Enter the whole date, or clear it.',
    });
    expect(draftProblems(draft({ fields: { email: '', website: '' } }), [])).toEqual({});
  });

  it('asks for a label for a custom field with a value, and a value for one with a label', () => {
    const noLabel = custom('  ', 'bj-octo');
    const noValue = custom('Mastodon', '');
    expect(draftProblems(draft({ custom: [noLabel, noValue] }), [])).toEqual({
      [customKey(noLabel, 'label')]: 'Give this field a label.',
      [customKey(noValue, 'value')]: 'Enter a value, or remove this field.',
    });
  });

  it('leaves out a custom row left blank', () => {
    expect(draftProblems(draft({ custom: [custom('', '')] }), [])).toEqual({});
  });

  it('refuses a label sites could not name, or too long a one', () => {
    const symbols = custom('★★★', 'stars');
    const long = custom('L'.repeat(61), 'v');
    expect(draftProblems(draft({ custom: [symbols, long] }), [])).toEqual({
      [customKey(symbols, 'label')]:
        'Use some letters a–z or digits in the label: sites see the field by a name made of them.',
      [customKey(long, 'label')]: 'Use at most 60 characters.',
    });
  });

  it('refuses two custom fields that sites would see under the same name, on the second', () => {
    const first = custom('GitHub', 'bj-octo');
    const second = custom('git hub!', 'other');
    const third = custom('Github', 'again');
    expect(draftProblems(draft({ custom: [first, second, third] }), [])).toEqual({
      [customKey(third, 'label')]: 'Another field is already named x-github. Choose a different label.',
    });
    // A saved field keeps its name whatever its label now says.
    const saved = custom('Renamed', 'x', 'x-github');
    expect(draftProblems(draft({ custom: [first, saved] }), [])).toEqual({
      [customKey(saved, 'label')]: 'Another field is already named x-github. Choose a different label.',
    });
  });

  it('checks a custom value like any other: no control characters, not too long', () => {
    const bell = custom('Motto', 'ring\u0007ring');
    const long = custom('Essay', 'e'.repeat(201));
    expect(draftProblems(draft({ custom: [bell, long] }), [])).toEqual({
      [customKey(bell, 'value')]: 'Remove line breaks and control characters.',
      [customKey(long, 'value')]: 'Keep this under 200 characters.',
    });
  });
});
