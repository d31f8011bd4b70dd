// A small validator for values that cross a trust boundary. Each schema both
// checks a value and gives its TypeScript type, so the method table is the
// single place where a param's shape is written down. Objects are strict
// (unknown keys are refused) and every string and array has a size cap, so a
// value that passes is also bounded in size.

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'SchemaError';
  }
}

export interface Schema<T> {
  readonly parse: (value: unknown, path?: string) => T;
  readonly optional?: boolean;
}
export type Infer<S> = S extends Schema<infer T> ? T : never;

const describe = (v: unknown) =>
  v === null || v === undefined ? String(v) : Array.isArray(v) ? 'an array' : `a ${typeof v}`;

export function string(opts: { max: number; min?: number; pattern?: RegExp; hint?: string }): Schema<string> {
  return {
    parse(v, path = '') {
      if (typeof v !== 'string') throw new SchemaError(path, `expected a string, got ${describe(v)}`);
      if (v.length > opts.max) throw new SchemaError(path, `longer than ${opts.max} characters`);
      if (v.length < (opts.min ?? 0)) throw new SchemaError(path, `shorter than ${opts.min} characters`);
      if (opts.pattern && !opts.pattern.test(v))
        throw new SchemaError(path, opts.hint ?? `does not match ${String(opts.pattern)}`);
      return v;
    },
  };
}

export function integer(opts: { min: number; max: number }): Schema<number> {
  return {
    parse(v, path = '') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v))
        throw new SchemaError(path, `expected an integer, got ${describe(v)}`);
      if (v < opts.min || v > opts.max) throw new SchemaError(path, `must be between ${opts.min} and ${opts.max}`);
      return v;
    },
  };
}

export function literal<const T extends string | number | boolean>(...options: T[]): Schema<T> {
  return {
    parse(v, path = '') {
      if (!(options as unknown[]).includes(v))
        throw new SchemaError(path, `expected one of ${options.map(String).join(', ')}`);
      return v as T;
    },
  };
}

export function array<T>(item: Schema<T>, opts: { max: number; min?: number; unique?: boolean }): Schema<T[]> {
  return {
    parse(v, path = '') {
      if (!Array.isArray(v)) throw new SchemaError(path, `expected an array, got ${describe(v)}`);
      if (v.length > opts.max) throw new SchemaError(path, `more than ${opts.max} items`);
      if (v.length < (opts.min ?? 0)) throw new SchemaError(path, `fewer than ${opts.min} items`);
      // Array.from visits holes too: a sparse array must not slip past item checks.
      const out = Array.from(v as unknown[], (x, i) => item.parse(x, `${path}[${i}]`));
      if (opts.unique && new Set(out).size !== out.length) throw new SchemaError(path, 'has repeated items');
      return out;
    },
  };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> & { optional: true } {
  return { optional: true, parse: (v, path) => (v === undefined ? undefined : inner.parse(v, path)) };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K]['optional'] extends true ? K : never }[keyof S];
export type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A plain object with exactly the given keys; anything else is refused. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    parse(v, path = '') {
      if (!isPlainRecord(v)) throw new SchemaError(path, `expected an object, got ${describe(v)}`);
      for (const key of Object.keys(v)) {
        if (!Object.hasOwn(shape, key)) throw new SchemaError(path, `unknown key "${key.slice(0, 40)}"`);
      }
      // Built on a null-prototype object so keys such as "__proto__" stay data.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [key, schema] of Object.entries(shape)) {
        const value = schema.parse(v[key], path ? `${path}.${key}` : key);
        if (value !== undefined) out[key] = value;
      }
      return { ...out } as ObjectOf<S>;
    },
  };
}

/** A plain object used as a map: every key matches `key`, every value passes `value`. */
export function record<T>(key: RegExp, value: Schema<T>, opts: { max: number }): Schema<Record<string, T>> {
  return {
    parse(v, path = '') {
      if (!isPlainRecord(v)) throw new SchemaError(path, `expected an object, got ${describe(v)}`);
      const keys = Object.keys(v);
      if (keys.length > opts.max) throw new SchemaError(path, `more than ${opts.max} entries`);
      const out: Record<string, T> = Object.create(null) as Record<string, T>;
      for (const k of keys) {
        if (!key.test(k)) throw new SchemaError(path, `"${k.slice(0, 40)}" is not an allowed key`);
        out[k] = value.parse(v[k], `${path}.${k}`);
      }
      return { ...out };
    },
  };
}

/** Params of a method that takes none: omitted, an empty array or an empty object. */
export function none(): Schema<undefined> {
  return {
    parse(v, path = '') {
      const empty =
        v === undefined || (Array.isArray(v) && v.length === 0) || (isPlainRecord(v) && Object.keys(v).length === 0);
      if (!empty) throw new SchemaError(path, 'this method takes no params');
      return undefined;
    },
  };
}

/** The value, or null. */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return {
    parse(v, path = '') {
      return v === null ? null : inner.parse(v, path);
    },
  };
}

/** The first of two shapes that fits; when neither does, the more specific complaint. */
export function union<A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> {
  return {
    parse(v, path = '') {
      try {
        return a.parse(v, path);
      } catch (first) {
        try {
          return b.parse(v, path);
        } catch (second) {
          const depth = (e: unknown) => (e instanceof SchemaError ? e.path.length : -1);
          throw depth(second) > depth(first) ? second : first;
        }
      }
    },
  };
}

/** A schema with one more rule; `problem` completes "<path> …". */
export function refine<T>(inner: Schema<T>, ok: (value: T) => boolean, problem: string): Schema<T> {
  return {
    parse(v, path = '') {
      const value = inner.parse(v, path);
      if (!ok(value)) throw new SchemaError(path, problem);
      return value;
    },
  };
}

/** A type-only marker for results: the background produces them, so they are not parsed. */
export function type<T>(): Schema<T> {
  return {
    parse() {
      throw new Error('result types are not parsed');
    },
  };
}
