// Generators of hostile requests for the background: method names, params,
// envelopes and senders. Big or deep values are wrapped in `Labelled` so a
// failing counterexample prints as a short description rather than a megabyte.
import fc from 'fast-check';
import { methods } from '@/src/shared/methods';
import { NS } from '@/src/shared/protocol';
import { CUSTOM_FIELD } from '@/src/shared/profile-fields';

// ---------------------------------------------------------------- printing

/** A generated value with a short printable description. */
export interface Labelled<T = unknown> {
  readonly label: string;
  readonly value: T;
}

export function labelled<T>(label: string, value: T): Labelled<T> {
  return { label, value, [fc.toStringMethod]: () => label } as Labelled<T>;
}

/** A description of a value that stays short whatever its size. */
export function describeValue(v: unknown, budget = 80): string {
  let text: string;
  try {
    text = fc.stringify(v);
  } catch {
    text = Object.prototype.toString.call(v);
  }
  return text.length > budget ? `${text.slice(0, budget)}…(${text.length} chars)` : text;
}

const plain = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Labelled<T>> => arb.map((v) => labelled(describeValue(v), v));

// ---------------------------------------------------------------- the method table

/** The page API of DESIGN §3, the only methods a page may reach. */
export const DESIGN_PAGE_METHODS = [
  'atsign_connect',
  'atsign_getGrant',
  'atsign_readProfile',
  'atsign_signIn',
  'atsign_disconnect',
] as const;

export const ALL_METHODS = Object.keys(methods);
export const PAGE_METHODS = ALL_METHODS.filter((m) => (methods as Record<string, { caller: string }>)[m]!.caller === 'page');
export const UI_METHODS = ALL_METHODS.filter((m) => (methods as Record<string, { caller: string }>)[m]!.caller === 'ui');

export const isPageMethod = (m: unknown): boolean => typeof m === 'string' && PAGE_METHODS.includes(m);
export const isUiMethod = (m: unknown): boolean => typeof m === 'string' && UI_METHODS.includes(m);

// ---------------------------------------------------------------- field names

/** The OpenID Connect claims DESIGN §3 lists. */
export const STANDARD = [
  'name',
  'given_name',
  'family_name',
  'nickname',
  'preferred_username',
  'picture',
  'website',
  'email',
  'phone_number',
  'birthdate',
  'locale',
  'zoneinfo',
  'address',
] as const;

export const isFieldNameOracle = (v: unknown): boolean =>
  typeof v === 'string' && v.length <= 42 && ((STANDARD as readonly string[]).includes(v) || CUSTOM_FIELD.test(v));

export const validFieldName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STANDARD) },
  { weight: 1, arbitrary: fc.stringMatching(/^x-[a-z0-9][a-z0-9-]{0,39}$/) },
);

/** Strings that look like field names but are not. */
export const invalidFieldName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'NAME',
    'Name',
    'name ',
    ' name',
    'e-mail',
    'x-',
    'x-A',
    'x--',
    'x_custom',
    'x-' + 'a'.repeat(41),
    'password',
    'private_key',
    'name\u0000',
  ),
  fc.string({ maxLength: 30 }).filter((s) => !isFieldNameOracle(s)),
);

export const validFieldList = (max = 8): fc.Arbitrary<string[]> => fc.uniqueArray(validFieldName, { maxLength: max });

// ---------------------------------------------------------------- hostile values

const ONE_MB = 1_048_576;

/** A string of about `n` characters, built without generating each one. */
export const bigString = (min: number, max: number): fc.Arbitrary<Labelled<string>> =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('a', 'é', '\u0000', '😀', 'name,'))
    .map(([n, unit]) => {
      const s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
      return labelled(`${JSON.stringify(unit)}×${n} (length ${s.length})`, s);
    });

export const oversizeString: fc.Arbitrary<Labelled<string>> = fc.oneof(bigString(301, 2_000), bigString(ONE_MB - 10, ONE_MB + 10));

/** An array of `n` items, all the same. */
export const hugeArray = (item: fc.Arbitrary<unknown>): fc.Arbitrary<Labelled<unknown[]>> =>
  fc.tuple(fc.integer({ min: 41, max: 200_000 }), item).map(([n, x]) => labelled(`Array(${n}).fill(${describeValue(x, 30)})`, new Array(n).fill(x)));

/** An array with at least one hole; the rest are valid field names. */
export const sparseFieldArray: fc.Arbitrary<Labelled<unknown[]>> = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.nat(39), validFieldName), { maxLength: 5 }), fc.nat(39))
  .map(([length, filled, holeAt]) => {
    const a: unknown[] = new Array(length);
    const hole = holeAt % length;
    for (const [i, f] of filled) if (i % length !== hole) a[i % length] = f;
    return labelled(`sparse array of length ${length}, hole at ${hole}, items ${JSON.stringify(Object.entries(a))}`, a);
  });

/** {a:{a:…}} or [[…]] nested `depth` times. */
export const deepValue: fc.Arbitrary<Labelled<unknown>> = fc
  .tuple(fc.integer({ min: 50, max: 400 }), fc.boolean(), fc.constantFrom<unknown>('name', 1, null, {}))
  .map(([depth, arrays, leaf]) => {
    let v: unknown = leaf;
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return labelled(`${arrays ? 'array' : 'object'} nested ${depth} deep`, v);
  });

/** Objects whose own keys are "__proto__", "constructor" and the like, as JSON.parse makes them. */
export const pollutionObject: fc.Arbitrary<Labelled<unknown>> = fc
  .tuple(
    fc.uniqueArray(
      fc.tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'fields', 'polluted'),
        fc.constantFrom(
          '{"polluted":"yes"}',
          '{"prototype":{"polluted":"yes"}}',
          '{"__proto__":{"polluted":"yes"}}',
          '{"caller":"page","permission":"none","ns":"atsign-wallet/1","kind":"request","method":"wallet_listGrants"}',
          '["name","email"]',
          '"polluted"',
          'null',
          '1',
        ),
      ),
      { minLength: 1, maxLength: 4, selector: ([k]) => k },
    ),
    fc.boolean(),
  )
  .map(([entries, nest]) => {
    let text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    if (nest) text = `{"__proto__":${text},"constructor":{"prototype":${text}}}`;
    return labelled(`JSON.parse(${text})`, JSON.parse(text) as unknown);
  });

export const anyValue: fc.Arbitrary<Labelled<unknown>> = plain(
  fc.anything({
    maxDepth: 3,
    maxKeys: 5,
    size: 'small',
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    stringUnit: 'binary',
  }),
);

/** Values that are not plain objects: everything a params slot should refuse when an object is wanted. */
export const notAnObject: fc.Arbitrary<Labelled<unknown>> = fc.oneof(
  plain(fc.constantFrom<unknown>(null, 0, -1, NaN, Infinity, true, false, '', 'fields', 1n)),
  plain(fc.string({ maxLength: 20 })),
  plain(fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })),
  fc.constantFrom(
    labelled('new Date(0)', new Date(0)),
    labelled('new Map([["fields",["name"]]])', new Map([['fields', ['name']]])),
    labelled('new String("x")', new String('x')),
    labelled('Object.create({fields:["name"]})', Object.create({ fields: ['name'] }) as unknown),
    labelled('class instance', new (class Params {
      fields = ['name'];
    })()),
    labelled('new Uint8Array(4)', new Uint8Array(4)),
  ),
);

// ---------------------------------------------------------------- method names

const knownName = fc.constantFrom(...ALL_METHODS, 'atsign_signIn');

export const methodArb: fc.Arbitrary<Labelled<unknown>> = fc.oneof(
  { weight: 6, arbitrary: plain(knownName) },
  {
    weight: 2,
    arbitrary: plain(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'isPrototypeOf',
        '__defineGetter__',
        'prototype',
        '',
        ' ',
        'eth_requestAccounts',
        'ATSIGN_GETGRANT',
        'atsign_getgrant',
        ' atsign_getGrant',
        'atsign_getGrant ',
        'atsign_getGrant\u0000',
        'atsign_connect.call',
      ),
    ),
  },
  { weight: 2, arbitrary: plain(fc.string({ maxLength: 40 })) },
  { weight: 1, arbitrary: plain(fc.string({ unit: 'binary', maxLength: 40 })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(knownName, fc.integer({ min: 1, max: 100_000 }))
      .map(([m, n]) => labelled(`${m} + "x"×${n}`, m + 'x'.repeat(n))),
  },
  { weight: 1, arbitrary: bigString(65, ONE_MB) },
  { weight: 2, arbitrary: anyValue.filter((l) => typeof l.value !== 'string') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      labelled('["atsign_getGrant"]', ['atsign_getGrant']),
      labelled('new String("atsign_getGrant")', new String('atsign_getGrant')),
      labelled('{toString: () => "atsign_getGrant"}', { toString: () => 'atsign_getGrant' }),
      labelled('Symbol("atsign_getGrant")', Symbol('atsign_getGrant')),
      labelled('undefined', undefined),
      labelled('null', null),
    ),
  },
);

// ---------------------------------------------------------------- known-shape page params

// Sign in with atSign (DESIGN §3-4): the shapes its params must have.
export const SIGN_IN = {
  nonce: /^[A-Za-z0-9]{8,64}$/,
  statement: /^[^\n\r]{1,300}$/,
  time: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  requestId: /^[^\s]{1,200}$/,
  uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/,
};
export const isUriOracle = (v: unknown): boolean => typeof v === 'string' && v.length >= 3 && v.length <= 500 && SIGN_IN.uri.test(v);

const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const uriArb = fc.oneof(
  fc.constantFrom('https://site.example/terms', 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', 'urn:isbn:0451450523'),
  fc.webUrl(),
);

/** Valid params of each page method (never prompts beyond connect's approval). */
export const validParams: Record<string, fc.Arbitrary<unknown>> = {
  atsign_signIn: fc.record(
    {
      nonce: fc.stringMatching(SIGN_IN.nonce),
      statement: fc.stringMatching(/^[A-Za-z0-9 ,.'!?-]{1,300}$/),
      expirationTime: isoTime,
      notBefore: isoTime,
      requestId: fc.stringMatching(/^[A-Za-z0-9._~-]{1,200}$/),
      resources: fc.array(uriArb, { minLength: 1, maxLength: 20 }),
    },
    { requiredKeys: ['nonce'] },
  ),
  atsign_connect: fc.record(
    { fields: validFieldList(), optionalFields: validFieldList(), purpose: fc.string({ maxLength: 300 }) },
    { requiredKeys: ['fields'] },
  ),
  atsign_getGrant: fc.constantFrom(undefined, {}, []),
  atsign_disconnect: fc.constantFrom(undefined, {}, []),
  atsign_readProfile: fc.oneof(fc.constant(undefined), fc.record({ fields: validFieldList() }, { requiredKeys: [] })),
};

const objectKeysOf: Record<string, string[]> = {
  atsign_signIn: ['nonce', 'statement', 'expirationTime', 'notBefore', 'requestId', 'resources'],
  atsign_connect: ['fields', 'optionalFields', 'purpose'],
  atsign_readProfile: ['fields'],
  atsign_getGrant: [],
  atsign_disconnect: [],
};
const requiredKeysOf: Record<string, string[]> = { atsign_connect: ['fields'], atsign_signIn: ['nonce'] };
const stringKeysOf: Record<string, Record<string, number>> = {
  atsign_connect: { purpose: 300 },
  atsign_signIn: { nonce: 64, statement: 300, expirationTime: 30, notBefore: 30, requestId: 200 },
};
/** Strings of the right length that break a param's pattern. */
const patternBreakersOf: Record<string, Record<string, string[]>> = {
  atsign_signIn: {
    nonce: ['', 'short1', 'has-dash-1234', 'space 12345', 'ünïcödé123', 'abc12345\n'],
    statement: ['', 'two\nlines', 'carriage\rreturn'],
    expirationTime: ['2026-11-25', '2026-11-25T10:05:00Z', '2026-11-25 10:05:00.000Z', 'tomorrow', '+012026-11-25T10:05:00.000Z'],
    notBefore: ['', '2026-11-25T10:05:00.000+01:00', 'NaN'],
    requestId: ['', 'has space', 'tab\there'],
  },
};

/** Sets an own, enumerable key (works for "__proto__" too). */
function withKey(obj: object, key: string, value: unknown): Record<string, unknown> {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(obj) as object | null) as object, obj) as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'origin', 'caller', 'atSign', 'fieldz', 'Fields', ''),
  fc.string({ maxLength: 20 }),
  bigString(41, 5_000).map((l) => l.value),
);

/** A field-list slot holding something no field list may be. */
const badFieldList: fc.Arbitrary<Labelled<unknown>> = fc.oneof(
  notAnObject.filter((l) => !Array.isArray(l.value) || (l.value as unknown[]).some((x) => !isFieldNameOracle(x))),
  plain(fc.tuple(validFieldList(3), invalidFieldName, fc.nat(3)).map(([ok, bad, at]) => [...ok.slice(0, at), bad, ...ok.slice(at)])),
  plain(fc.tuple(validFieldList(3), anyValue, fc.nat(3)).filter(([, x]) => typeof x.value !== 'string').map(([ok, bad, at]) => [...ok.slice(0, at), bad.value, ...ok.slice(at)])),
  plain(validFieldName.map((f) => [f, f])),
  fc.tuple(fc.integer({ min: 41, max: 45 })).map(([n]) =>
    labelled(`${n} distinct valid names`, Array.from({ length: n }, (_, i) => `x-f${i}`)),
  ),
  hugeArray(fc.constantFrom('name', 'x-a', 'constructor', 1, null)),
  sparseFieldArray,
  deepValue,
  pollutionObject,
  bigString(43, ONE_MB).map((l) => labelled(`[${l.label}]`, [l.value])),
  oversizeString,
  plain(fc.constant(null)),
);

/** A resources slot holding something no list of URIs may be. */
const badUriList: fc.Arbitrary<Labelled<unknown>> = fc.oneof(
  notAnObject.filter((l) => !Array.isArray(l.value) || l.value.length === 0 || (l.value as unknown[]).some((x) => !isUriOracle(x))),
  plain(fc.constant([])),
  plain(fc.tuple(fc.array(uriArb, { maxLength: 3 }), fc.constantFrom<unknown>('', 'no scheme', 'https://a b', 'ab', 1, null, {}, ['https://x.example']))
    .map(([ok, bad]) => [...ok, bad])),
  fc.integer({ min: 21, max: 25 }).map((n) => labelled(`${n} valid URIs`, Array.from({ length: n }, (_, i) => `https://site.example/${i}`))),
  hugeArray(fc.constant('https://site.example/')),
  sparseFieldArray,
  deepValue,
  bigString(501, ONE_MB).map((l) => labelled(`["https:" + ${l.label}]`, ['https:' + l.value])),
);

/** One mutation of one page method's valid params: every result must be refused with -32602. */
export interface Mutation {
  method: string;
  params: Labelled<unknown>;
}

export function invalidParamsFor(method: string): fc.Arbitrary<Mutation> {
  const keys = objectKeysOf[method]!;
  const required = requiredKeysOf[method] ?? [];
  const strings = stringKeysOf[method] ?? {};
  const base = validParams[method]!;
  const asObject = base.map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? p : {}) as Record<string, unknown>);
  const out: fc.Arbitrary<Labelled<unknown>>[] = [];

  // an extra key on an otherwise valid object
  out.push(
    fc
      .tuple(asObject, extraKey.filter((k) => !keys.includes(k)), anyValue)
      .map(([p, k, v]) => labelled(`${describeValue(p)} + own key ${describeValue(k, 50)}: ${v.label}`, withKey(p, k, v.value))),
  );
  // an object that holds pollution keys of its own
  out.push(pollutionObject.filter((l) => Object.keys(l.value as object).some((k) => !keys.includes(k))));
  // the params slot itself of a wrong type
  out.push(
    notAnObject.filter((l) => {
      const empty = Array.isArray(l.value) && l.value.length === 0;
      return !(empty && keys.length === 0);
    }),
  );
  out.push(fc.oneof(oversizeString, deepValue, hugeArray(fc.constant('name'))));

  if (keys.length === 0) {
    // none(): any key, any item
    out.push(plain(fc.array(anyValue.map((l) => l.value), { minLength: 1, maxLength: 3 })));
    out.push(sparseFieldArray);
  }
  const set = (key: string, bad: fc.Arbitrary<Labelled<unknown>>) =>
    fc.tuple(asObject, bad).map(([p, v]) => labelled(`${describeValue(p)} with ${key} = ${v.label}`, withKey(p, key, v.value)));
  for (const key of keys) {
    if (key === 'fields' || key === 'optionalFields') out.push(set(key, badFieldList));
    if (key === 'resources') out.push(set(key, badUriList));
    const breakers = patternBreakersOf[method]?.[key];
    if (breakers) out.push(set(key, plain(fc.constantFrom(...breakers))));
    const max = strings[key];
    if (max !== undefined) {
      out.push(
        fc
          .tuple(asObject, fc.oneof(bigString(max + 1, max + 50), bigString(ONE_MB, ONE_MB)))
          .map(([p, v]) => labelled(`${describeValue(p)} with ${key} = ${v.label}`, withKey(p, key, v.value))),
      );
      out.push(
        fc
          .tuple(asObject, notAnObject.filter((l) => typeof l.value !== 'string'))
          .map(([p, v]) => labelled(`${describeValue(p)} with ${key} = ${v.label}`, withKey(p, key, v.value))),
      );
    }
  }
  for (const key of required) {
    out.push(
      asObject.map((p) => {
        const copy = { ...p };
        delete copy[key];
        return labelled(`${describeValue(p)} without ${key}`, copy);
      }),
    );
  }
  return fc.oneof(...out).map((params) => ({ method, params, [fc.toStringMethod]: () => `${method}(${params.label})` }));
}

export const invalidPageParams: fc.Arbitrary<Mutation> = fc.oneof(...Object.keys(objectKeysOf).map(invalidParamsFor));

// ---------------------------------------------------------------- params, any

export const paramsArb: fc.Arbitrary<Labelled<unknown>> = fc.oneof(
  { weight: 3, arbitrary: anyValue },
  { weight: 1, arbitrary: pollutionObject },
  { weight: 3, arbitrary: fc.oneof(...Object.values(validParams)).map((p) => labelled(describeValue(p), p)) },
  { weight: 2, arbitrary: invalidPageParams.map((m) => m.params) },
  { weight: 1, arbitrary: plain(fc.constant(undefined)) },
);

/** A method and params: any name with any params, or a page method with params near its shape. */
export const requestArb: fc.Arbitrary<{ method: Labelled<unknown>; params: Labelled<unknown> }> = fc.oneof(
  fc.record({ method: methodArb, params: paramsArb }),
  fc
    .constantFrom(...Object.keys(validParams))
    .chain((m) => fc.record({ method: fc.constant(labelled(m, m as unknown)), params: fc.oneof(paramsArb, validParams[m]!.map((p) => labelled(describeValue(p), p))) })),
  invalidPageParams.map((x) => ({ method: labelled(x.method, x.method as unknown), params: x.params })),
);

// ---------------------------------------------------------------- envelopes

export type Envelope = Labelled<unknown> & { ours: boolean; subscribe: boolean; request?: { method: unknown; params: unknown } };

function envelope(label: string, value: unknown, ours: boolean, request?: { method: unknown; params: unknown }): Envelope {
  const subscribe = ours && (value as { kind?: unknown }).kind === 'subscribe';
  return { ...labelled(label, value), ours, subscribe, request };
}

/** A message claiming things about its sender, which the background must ignore. */
const claims = fc.constantFrom<Record<string, unknown>>(
  {},
  { origin: 'https://granted.example' },
  { caller: { kind: 'ui' } },
  { sender: { id: 'test-extension-id', origin: 'https://granted.example', url: 'https://granted.example/' } },
  { tabId: 1, frameId: 0, topOrigin: 'https://granted.example', id: 'x' },
);

export const envelopeArb: fc.Arbitrary<Envelope> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(requestArb, claims, fc.boolean()).map(([r, claim, omitParams]) => {
      const m: Record<string, unknown> = { ...claim, ns: NS, kind: 'request', method: r.method.value };
      if (!omitParams || r.params.value !== undefined) m.params = r.params.value;
      return envelope(`{ns, kind: "request", method: ${r.method.label}, params: ${r.params.label}, …${describeValue(claim)}}`, m, true, {
        method: r.method.value,
        params: r.params.value,
      });
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(envelope('{ns, kind: "subscribe"}', { ns: NS, kind: 'subscribe' }, true)) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      // not ours: wrong or missing ns / kind, or not an object at all
      fc.tuple(requestArb, fc.constantFrom<unknown>(undefined, 'atsign-wallet/0', 'atsign-wallet/2', 'ATSIGN-WALLET/1', null, 1, ['atsign-wallet/1'], `${NS} `)).map(([r, ns]) => {
        const m: Record<string, unknown> = { kind: 'request', method: r.method.value, params: r.params.value };
        if (ns !== undefined) m.ns = ns;
        return envelope(`{ns: ${describeValue(ns)}, kind: "request", method: ${r.method.label}}`, m, false);
      }),
      fc.tuple(requestArb, fc.constantFrom<unknown>(undefined, 'response', 'event', 'Request', 'REQUEST', null, 0, ['request'], {})).map(([r, kind]) => {
        const m: Record<string, unknown> = { ns: NS, method: r.method.value, params: r.params.value };
        if (kind !== undefined) m.kind = kind;
        return envelope(`{ns, kind: ${describeValue(kind)}, method: ${r.method.label}}`, m, false);
      }),
      anyValue.map((l) => envelope(l.label, l.value, false)),
      pollutionObject.map((l) => envelope(l.label, l.value, false)),
      fc.constantFrom(
        envelope('null', null, false),
        envelope('undefined', undefined, false),
        envelope('42', 42, false),
        envelope('"atsign_getGrant"', 'atsign_getGrant', false),
        envelope('[NS, "request", "atsign_getGrant"]', [NS, 'request', 'atsign_getGrant'], false),
        envelope('JSON.parse({"__proto__": {ns, kind}})', JSON.parse(`{"__proto__":{"ns":"${NS}","kind":"request","method":"atsign_getGrant"}}`) as unknown, false),
      ),
    ),
  },
);

// ---------------------------------------------------------------- senders

export const EXTENSION_ID = 'test-extension-id';
export const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}/`;

export type SenderKind = 'page' | 'ui' | 'nobody';
export interface GeneratedSender {
  kind: SenderKind;
  /** for a page: the origin the browser reports */
  origin?: string;
  sender: Record<string, unknown>;
}

const tab = (id: number, url?: string) => ({ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false, url });

function senderArb(pageOrigins: readonly string[]): fc.Arbitrary<Labelled<GeneratedSender>> {
  const origin = fc.constantFrom(...pageOrigins);
  const path = fc.constantFrom('/', '/login?next=%2F', '/a/b#frag', '/?q=atsign_connect');
  const tabId = fc.integer({ min: 1, max: 5 });
  const page = fc.oneof(
    // Firefox: url only; Chromium: origin (and the url, maybe about:blank in a frame)
    fc.tuple(origin, path, tabId).map(([o, p, t]) => ({ kind: 'page' as const, origin: o, sender: { id: EXTENSION_ID, tab: tab(t, o + p), frameId: 0, url: o + p } })),
    fc.tuple(origin, path, tabId, fc.boolean()).map(([o, p, t, blank]) => ({
      kind: 'page' as const,
      origin: o,
      sender: { id: EXTENSION_ID, tab: tab(t, o + p), frameId: 0, url: blank ? 'about:blank' : o + p, origin: o },
    })),
    // a frame of one origin inside a tab of another
    fc.tuple(origin, origin, tabId, fc.integer({ min: 1, max: 9 })).map(([o, top, t, f]) => ({
      kind: 'page' as const,
      origin: o,
      sender: { id: EXTENSION_ID, tab: tab(t, top + '/'), frameId: f, url: o + '/frame' },
    })),
    // a page whose url looks like ours but whose origin the browser says is a site's
    fc.tuple(origin, tabId).map(([o, t]) => ({
      kind: 'page' as const,
      origin: o,
      sender: { id: EXTENSION_ID, tab: tab(t, o + '/'), frameId: 0, url: EXTENSION_BASE + 'popup.html', origin: o },
    })),
  );
  const ui = fc.constantFrom<GeneratedSender>(
    { kind: 'ui', sender: { id: EXTENSION_ID, url: EXTENSION_BASE + 'popup.html' } },
    { kind: 'ui', sender: { id: EXTENSION_ID, url: EXTENSION_BASE + 'approve.html?id=1', origin: `chrome-extension://${EXTENSION_ID}` } },
    { kind: 'ui', sender: { id: EXTENSION_ID, url: EXTENSION_BASE + 'onboarding.html', tab: tab(3), frameId: 0 } },
  );
  const nobody = fc.oneof(
    fc.tuple(origin, fc.constantFrom('another-extension-id', '', 'TEST-EXTENSION-ID', undefined)).map(([o, id]) => ({
      kind: 'nobody' as const,
      sender: { id, tab: tab(1, o + '/'), frameId: 0, url: o + '/', origin: o },
    })),
    origin.map((o) => ({ kind: 'nobody' as const, sender: { id: EXTENSION_ID, frameId: 0, url: o + '/' } })),
    origin.map((o) => ({ kind: 'nobody' as const, sender: { id: EXTENSION_ID, frameId: 0, url: o + '/', origin: o } })),
    origin.map((o) => ({ kind: 'nobody' as const, sender: { id: EXTENSION_ID, tab: tab(1, o + '/'), frameId: 2, url: o + '/sandboxed', origin: 'null' } })),
    fc
      .constantFrom(
        'file:///home/barbara/index.html',
        'data:text/html,<p>hi</p>',
        'about:blank',
        'about:srcdoc',
        'javascript:void 0',
        'chrome://settings/',
        'ftp://files.example/',
        'ws://site.example/',
        'chrome-extension://another-extension-id/page.html',
        'moz-extension://0f0f0f0f-0000-4000-8000-000000000000/page.html',
        'not a url',
        '',
      )
      .map((url) => ({ kind: 'nobody' as const, sender: { id: EXTENSION_ID, tab: tab(1, url), frameId: 0, url } })),
    fc.constantFrom<GeneratedSender>(
      { kind: 'nobody', sender: { id: EXTENSION_ID } },
      { kind: 'nobody', sender: {} },
      { kind: 'nobody', sender: { id: EXTENSION_ID, tab: tab(1), url: 'https://site.example/', origin: `chrome-extension://${EXTENSION_ID}` } },
      { kind: 'nobody', sender: { id: EXTENSION_ID, url: EXTENSION_BASE + 'popup.html', origin: 'chrome-extension://another-extension-id' } },
    ),
  );
  return fc
    .oneof({ weight: 5, arbitrary: page }, { weight: 2, arbitrary: ui }, { weight: 3, arbitrary: nobody })
    .map((s: GeneratedSender) => labelled(`${s.kind}${s.origin ? ` ${s.origin}` : ''} ${describeValue(s.sender, 200)}`, s));
}

export { senderArb };
