import { describe, expect, it } from 'vitest';
import * as s from '@/src/shared/schema';
import { SchemaError } from '@/src/shared/schema';

/** The error a parse throws, for asserting on its message and path. */
function failure(schema: s.Schema<unknown>, value: unknown, path?: string): SchemaError {
  try {
    schema.parse(value, path);
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('string', () => {
  const name = s.string({ max: 5 });

  it('accepts a string up to the cap and returns it', () => {
    expect(name.parse('')).toBe('');
    expect(name.parse('alice')).toBe('alice');
  });

  it('refuses other types, saying what it got', () => {
    expect(failure(name, 5).message).toBe('expected a string, got a number');
    expect(failure(name, null).message).toBe('expected a string, got null');
    expect(failure(name, ['a']).message).toBe('expected a string, got an array');
    expect(failure(name, { toString: () => 'a' }).message).toBe('expected a string, got a object');
    expect(() => name.parse(undefined)).toThrow(SchemaError);
  });

  it('refuses a string longer than the cap', () => {
    expect(failure(name, 'alice!').message).toBe('longer than 5 characters');
    expect(() => name.parse('x'.repeat(1_000_000))).toThrow('longer than 5 characters');
  });

  it('refuses a string shorter than min', () => {
    const nonce = s.string({ min: 8, max: 64 });
    expect(nonce.parse('12345678')).toBe('12345678');
    expect(failure(nonce, '1234567').message).toBe('shorter than 8 characters');
  });

  it('refuses a string that does not match the pattern, with the hint when given', () => {
    const custom = s.string({ max: 40, pattern: /^x-[a-z]+$/, hint: 'must look like x-something' });
    expect(custom.parse('x-pets')).toBe('x-pets');
    expect(failure(custom, 'pets').message).toBe('must look like x-something');
    expect(failure(s.string({ max: 9, pattern: /^\d+$/ }), '12a').message).toBe('does not match /^\\d+$/');
  });

  it('checks the length before the pattern', () => {
    const digits = s.string({ max: 3, pattern: /^\d+$/ });
    expect(failure(digits, '1234').message).toBe('longer than 3 characters');
  });
});

describe('integer', () => {
  const age = s.integer({ min: 0, max: 150 });

  it('accepts safe integers within bounds', () => {
    expect(age.parse(0)).toBe(0);
    expect(age.parse(150)).toBe(150);
  });

  it('refuses fractions, NaN, infinities, unsafe integers and numeric strings', () => {
    for (const value of [1.5, NaN, Infinity, -Infinity, 2 ** 53, '7', null]) {
      expect(() => age.parse(value)).toThrow(/expected an integer/);
    }
  });

  it('refuses integers out of bounds', () => {
    expect(failure(age, -1).message).toBe('must be between 0 and 150');
    expect(failure(age, 151).message).toBe('must be between 0 and 150');
  });
});

describe('literal', () => {
  const reason = s.literal('person', 'expired', 'site');

  it('accepts only the listed strings', () => {
    expect(reason.parse('site')).toBe('site');
    for (const value of ['Site', 'toString', '', 1, null, ['site']]) {
      expect(failure(reason, value).message).toBe('expected one of person, expired, site');
    }
  });
});

describe('array', () => {
  const fields = s.array(s.string({ max: 10 }), { max: 3 });

  it('accepts an array of valid items and returns a copy', () => {
    const input = ['name', 'email'];
    const out = fields.parse(input);
    expect(out).toEqual(['name', 'email']);
    expect(out).not.toBe(input);
  });

  it('refuses non-arrays, including array-likes', () => {
    expect(failure(fields, { length: 0 }).message).toBe('expected an array, got a object');
    expect(failure(fields, 'name').message).toBe('expected an array, got a string');
    expect(failure(fields, null).message).toBe('expected an array, got null');
  });

  it('refuses more items than the cap', () => {
    expect(failure(fields, ['a', 'b', 'c', 'd']).message).toBe('more than 3 items');
    expect(() => fields.parse(new Array(1_000_000).fill('a'))).toThrow('more than 3 items');
  });

  it('refuses fewer items than min', () => {
    const atLeastOne = s.array(s.string({ max: 10 }), { min: 1, max: 3 });
    expect(failure(atLeastOne, []).message).toBe('fewer than 1 items');
  });

  it('names the index of a bad item in the path', () => {
    const error = failure(fields, ['name', 'email', 42], 'params.fields');
    expect(error.path).toBe('params.fields[2]');
    expect(error.message).toBe('params.fields[2]: expected a string, got a number');
  });

  it('refuses repeated items when unique', () => {
    const unique = s.array(s.string({ max: 10 }), { max: 5, unique: true });
    expect(unique.parse(['name', 'email'])).toEqual(['name', 'email']);
    expect(failure(unique, ['name', 'email', 'name'], 'params.fields').message).toBe(
      'params.fields: has repeated items',
    );
  });

  it('refuses a hole in a sparse array (structured clone keeps holes)', () => {
    const sparse: unknown[] = [];
    sparse[1] = 'email';
    expect(sparse.length).toBe(2);
    expect(() => fields.parse(sparse, 'params.fields')).toThrow('params.fields[0]: expected a string');
  });
});

describe('optional', () => {
  const purpose = s.optional(s.string({ max: 10 }));

  it('accepts undefined and valid values, and refuses null', () => {
    expect(purpose.parse(undefined)).toBeUndefined();
    expect(purpose.parse('login')).toBe('login');
    expect(failure(purpose, null, 'params.purpose').message).toBe('params.purpose: expected a string, got null');
  });
});

describe('object', () => {
  const connect = s.object({
    fields: s.array(s.string({ max: 20 }), { max: 5 }),
    purpose: s.optional(s.string({ max: 10 })),
  });

  it('accepts exactly the declared keys and returns a new object', () => {
    const input = { fields: ['name'], purpose: 'login' };
    const out = connect.parse(input);
    expect(out).toEqual({ fields: ['name'], purpose: 'login' });
    expect(out).not.toBe(input);
  });

  it('leaves an absent optional key absent', () => {
    const out = connect.parse({ fields: ['name'] });
    expect(Object.keys(out)).toEqual(['fields']);
  });

  it('accepts an object with a null prototype', () => {
    const input = Object.assign(Object.create(null) as object, { fields: ['name'] });
    expect(connect.parse(input)).toEqual({ fields: ['name'] });
  });

  it('refuses an unknown key, naming it', () => {
    expect(failure(connect, { fields: ['name'], origin: 'https://bank.example' }, 'params').message).toBe(
      'params: unknown key "origin"',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses an own key "%s"',
    (key) => {
      const input: unknown = JSON.parse(`{"fields": ["name"], "${key}": {"polluted": true}}`);
      expect(Object.keys(input as object)).toContain(key);
      expect(failure(connect, input, 'params').message).toBe(`params: unknown key "${key}"`);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    },
  );

  it('names only the first 40 characters of an oversize unknown key', () => {
    const key = 'k'.repeat(10_000);
    const error = failure(connect, { fields: [], [key]: 1 });
    expect(error.message).toBe(`unknown key "${'k'.repeat(40)}"`);
  });

  it('refuses values that are not plain objects', () => {
    class Params {
      fields = ['name'];
    }
    for (const value of [null, 'x', 1, ['name'], new Date(0), new Map(), new Params()]) {
      expect(() => connect.parse(value)).toThrow(/expected an object/);
    }
  });

  it('refuses a missing required key, naming its path', () => {
    expect(failure(connect, {}, 'params').message).toMatch(/^params\.fields: expected an array/);
  });

  it('names nested paths', () => {
    const outer = s.object({ profile: s.object({ names: s.array(s.string({ max: 3 }), { max: 3 }) }) });
    const error = failure(outer, { profile: { names: ['ann', 'bob', 'carol'] } }, 'params');
    expect(error.path).toBe('params.profile.names[2]');
    expect(error.message).toBe('params.profile.names[2]: longer than 3 characters');
  });

  it('does not wrap the path in a leading dot when parsed without one', () => {
    expect(failure(connect, { fields: 'name' }).message).toBe('fields: expected an array, got a string');
  });
});

describe('none', () => {
  const params = s.none();

  it('accepts undefined, an empty array and an empty object', () => {
    expect(params.parse(undefined)).toBeUndefined();
    expect(params.parse([])).toBeUndefined();
    expect(params.parse({})).toBeUndefined();
    expect(params.parse(Object.create(null))).toBeUndefined();
  });

  it.each([
    ['null', null],
    ['zero', 0],
    ['false', false],
    ['an empty string', ''],
    ['a string', 'str'],
    ['an array with an item', [1]],
    ['an array with undefined', [undefined]],
    ['a sparse array', new Array(1)],
    ['an object with a key', { x: 1 }],
    ['an object with an undefined key', { x: undefined }],
    ['an own __proto__ key', JSON.parse('{"__proto__": {}}') as unknown],
    ['a Date', new Date(0)],
  ])('refuses %s', (_label, value) => {
    expect(failure(params, value, 'params').message).toBe('params: this method takes no params');
  });
});

describe('SchemaError', () => {
  it('keeps the path and puts it first in the message', () => {
    const error = failure(s.string({ max: 1 }), 'ab', 'params.nonce');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SchemaError');
    expect(error.path).toBe('params.nonce');
    expect(error.message).toBe('params.nonce: longer than 1 characters');
  });
});
