// What the persona editor and the background say about each value a person
// types: a good value is taken, a bad one gets a sentence (never a crash).
import { describe, expect, it } from 'vitest';
import {
  fieldLabel,
  fieldProblem,
  isFieldName,
  MAX_PICTURE_LENGTH,
  STANDARD_FIELDS,
} from '@/src/shared/profile-fields';

const ok = (field: string, value: string) => expect(fieldProblem(field, value), `${field} = ${JSON.stringify(value)}`).toBeNull();
const refused = (field: string, value: string) =>
  expect(fieldProblem(field, value), `${field} = ${JSON.stringify(value.slice(0, 80))}`).toEqual(expect.any(String));

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('email', () => {
  it.each(['ada@example.com', 'ada.lovelace+work@mail.example.co.uk', 'a@b.io'])('takes %s', (v) => ok('email', v));
  it.each(['ada', 'ada@example', '@example.com', 'ada@', 'ada lovelace@example.com', 'ada@exa mple.com', '<ada@example.com>'])(
    'refuses %s',
    (v) => refused('email', v),
  );
});

describe('phone_number', () => {
  it.each(['+442079460000', '+44 20 7946 0000', '+1 (555) 010-9999', '020 7946 0000'])('takes %s', (v) =>
    ok('phone_number', v),
  );
  it.each(['call me', '+44', '12345', '+44 20 7946 0000 ext 12', '+44-20-7946-0000-1111-2222-3333', '+44 20 7946 0000;'])(
    'refuses %s',
    (v) => refused('phone_number', v),
  );
});

describe('website', () => {
  it.each(['https://ada.example', 'http://ada.example/blog?x=1', 'https://ada.example:8443/'])('takes %s', (v) =>
    ok('website', v),
  );
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://ada.example',
    'ada.example',
    '//ada.example',
    'file:///etc/passwd',
  ])('refuses %s', (v) => refused('website', v));
});

describe('picture', () => {
  it.each([
    PNG,
    'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==',
    'data:image/webp;base64,UklGRhoAAABXRUJQ',
    'https://cdn.example/ada.png',
  ])('takes %s', (v) => ok('picture', v.slice(0, 200)));

  it.each([
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'data:image/png,not-base64',
    'data:image/png;base64,abc"onerror=alert(1)',
    'http://cdn.example/ada.png',
    'javascript:alert(1)',
    'ada.png',
  ])('refuses %s', (v) => refused('picture', v));

  it('takes a picture as large as the limit and refuses one larger', () => {
    const prefix = 'data:image/png;base64,';
    ok('picture', prefix + 'A'.repeat(MAX_PICTURE_LENGTH - prefix.length));
    refused('picture', prefix + 'A'.repeat(MAX_PICTURE_LENGTH - prefix.length + 1));
  });
});

describe('birthdate', () => {
  it.each(['1815-12-10', '2000-01-01', '2024-02-29'])('takes %s', (v) => ok('birthdate', v));
  it('takes today', () => ok('birthdate', isoDay(Date.now() - DAY / 2)));
  it.each([
    ['the 30th of February', '2025-02-30'],
    ['the 29th of February of a common year', '2023-02-29'],
    ['month 13', '1990-13-01'],
    ['a date without leading zeros', '1990-5-7'],
    ['a written date', '10 December 1815'],
    ['a US date', '12/10/1815'],
    ['a timestamp', '1815-12-10T00:00:00Z'],
    ['a far future date', '2999-01-01'],
  ])('refuses %s (%s)', (_label, v) => refused('birthdate', v));
  it('refuses a date after today', () => refused('birthdate', isoDay(Date.now() + 2 * DAY)));
});

describe('locale', () => {
  it.each(['en', 'en-GB', 'zh-Hant-TW', 'fil-PH', 'de-CH-1901'])('takes %s', (v) => ok('locale', v));
  it.each(['English', 'en_GB', 'e', 'en-', 'en GB', 'en-GB<'])('refuses %s', (v) => refused('locale', v));
});

describe('zoneinfo', () => {
  it.each(['Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'America/Port-au-Prince'])(
    'takes %s',
    (v) => ok('zoneinfo', v),
  );
  it.each(['Europe London', '../../etc/passwd', 'Europe/London/', '+01:00', 'Europe/London<b>'])('refuses %s', (v) =>
    refused('zoneinfo', v),
  );
});

describe('text fields', () => {
  it.each(['name', 'given_name', 'family_name', 'nickname', 'preferred_username'])('%s takes ordinary text', (f) => {
    ok(f, 'Ada Lovelace');
    ok(f, 'Zoë Ō’Brien-Søren 李');
  });

  it('address takes line breaks', () => {
    ok('address', '12 St James’s Square\nLondon SW1Y 4JH\nUnited Kingdom');
    ok('address', '12 St James’s Square\r\nLondon');
  });

  it.each(STANDARD_FIELDS.filter((f) => f !== 'address'))('%s refuses line breaks, tabs and control characters', (f) => {
    for (const v of ['Ada\nLovelace', 'Ada\r\nLovelace', 'Ada\tLovelace', 'Ada\u0000Lovelace', 'Ada\u001bLovelace'])
      refused(f, v);
  });

  it('address refuses control characters other than line breaks', () => {
    refused('address', '12 St James’s Square\u0000London');
    refused('address', '12 St James’s Square\u001b[2JLondon');
    refused('address', '12 St James’s Square\u0007London');
  });

  it.each([...STANDARD_FIELDS, 'x-github'])('%s refuses leading or trailing spaces', (f) => {
    refused(f, ' Ada');
    refused(f, 'Ada ');
    refused(f, '\nAda');
  });

  it('a value of only spaces is refused', () => refused('name', '   '));
});

describe('length limits', () => {
  it.each(['name', 'nickname', 'x-github'])('%s takes 200 characters and refuses 201', (f) => {
    ok(f, 'a'.repeat(200));
    refused(f, 'a'.repeat(201));
  });

  it('address takes 500 characters and refuses 501', () => {
    ok('address', 'a'.repeat(500));
    refused('address', 'a'.repeat(501));
  });

  it('email and website refuse more than 200 characters even when well formed', () => {
    refused('email', `${'a'.repeat(190)}@example.com`);
    refused('website', `https://example.com/${'a'.repeat(190)}`);
  });

  it('says what the limit is', () => {
    expect(fieldProblem('name', 'a'.repeat(201))).toMatch(/200/);
  });
});

describe('field names', () => {
  it.each(STANDARD_FIELDS)('%s is a field', (f) => expect(isFieldName(f)).toBe(true));

  it.each(['x-github', 'x-a', 'x-pronouns', 'x-2fa', `x-${'a'.repeat(40)}`])('custom %s is a field', (f) => {
    expect(isFieldName(f)).toBe(true);
    ok(f, 'anything at all');
  });

  it.each([
    'x-',
    'x--github',
    'X-Github',
    'x-GitHub',
    'x_github',
    'x-git hub',
    'x-git.hub',
    `x-${'a'.repeat(41)}`,
    'github',
    'password',
    '__proto__',
    'constructor',
    '',
  ])('%j is not a field, and a value in it is refused', (f) => {
    expect(isFieldName(f)).toBe(false);
    refused(f, 'value');
  });
});

describe('labels', () => {
  it('standard fields have human labels; custom fields use the label the person gave', () => {
    expect(fieldLabel('email')).toBe('Email');
    expect(fieldLabel('phone_number')).toBe('Phone number');
    expect(fieldLabel('x-github', { 'x-github': 'GitHub' })).toBe('GitHub');
    expect(fieldLabel('x-github')).toBe('x-github');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a name that is not a field is shown as itself: %s',
    (name) => expect(fieldLabel(name)).toBe(name),
  );

  it('a person cannot relabel a standard field', () => {
    expect(fieldLabel('email', { email: 'Secret' })).toBe('Email');
  });
});
