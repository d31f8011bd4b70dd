// A wallet for the property tests: the vault set up, @barbara imported, two
// personas with values, grants for two origins — all through the real
// dispatcher and services. Every approval is answered "no" as soon as its
// window opens, so a valid atsign_connect ends in 4001 instead of waiting for a
// person. Also: snapshots of everything stored, a model of what each page
// request must answer, and checks for prototype pollution and stray errors.
import type { Browser } from 'webextension-polyfill';
import { expect, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/src/background';
import type { PageCaller } from '@/src/background/caller';
import type { WalletDatabase } from '@/src/background/db/database';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import type { Services } from '@/src/background/services';
import type { Grant } from '@/src/shared/grant';
import { methods } from '@/src/shared/methods';
import type { Reply } from '@/src/shared/protocol';
import { walletWithBarbara } from '../personas/support';
import { settle } from '../support/fake-window';
import { makeGrant, T0 } from '../support/grants';
import { describeValue, isFieldNameOracle, isUriOracle, PAGE_METHODS, SIGN_IN } from './arbitraries';

// ---------------------------------------------------------------- the world

export const GRANTED_A = 'https://granted.example';
export const GRANTED_B = 'http://localhost:3000';
/** Origins pages call from: two hold grants, the rest do not. */
export const PAGE_ORIGINS = [
  GRANTED_A,
  GRANTED_B,
  'https://site.example',
  'https://evil.example:8443',
  'http://127.0.0.1:8080',
  'https://xn--80ak6aa92e.com',
] as const;

const WORK_VALUES = { name: 'Barbara Work', email: 'barbara@work.example', phone_number: '+44 20 7946 0000', 'x-team': 'Platform' };
const PUBLIC_VALUES = { name: 'Barbara', nickname: 'babs' };

export type World = Awaited<ReturnType<typeof walletWorld>>;

export async function walletWorld(opts: { listener?: boolean } = {}) {
  const wallet = await walletWithBarbara();
  const { db, services } = wallet;
  // Events to tabs: delivered (a real browser returns a promise here too).
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  const approvals = answerEveryApprovalWithNo(services);

  const work = await wallet.persona('Work');
  const pub = await wallet.persona('Public');
  await wallet.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: WORK_VALUES, labels: { 'x-team': 'Team' } });
  await wallet.ok('wallet_savePersona', { id: pub.id, name: 'Public', fields: PUBLIC_VALUES });
  const values = new Map<string, Record<string, string>>([
    [work.id, WORK_VALUES],
    [pub.id, PUBLIC_VALUES],
  ]);
  // Through the grants service (not the table), so whatever it keeps in memory stays true.
  const grants: Grant[] = [
    makeGrant({ origin: GRANTED_A, atSign: '@barbara', personaId: work.id, fields: ['name', 'email', 'phone_number', 'x-team'] }),
    // ends in an hour: still in force at the test's clock
    makeGrant({ origin: GRANTED_B, atSign: '@barbara', personaId: pub.id, fields: ['name'], expiresAt: T0 + 3_600_000 }),
  ];
  for (const grant of grants) await services.grants.replace(grant);

  if (opts.listener) startBackground(fakeBrowser as unknown as Browser, services);
  else await services.approvals.closeStale(); // as startBackground does: approvalWindows = []
  await settle(20);

  const dispatch = createDispatcher(handlers, services);
  const model = () => new Model(grants, values);
  const logStart = (await db.activity.toCollection().primaryKeys()).length;
  let base: Snapshot | undefined;

  /**
   * Back to the baseline before a run, whatever the last run did (so a
   * shrunk counterexample starts where its run started): the grants as made,
   * the activity entries later runs added dropped, storage.session as it was
   * (but the frame registry, which the background caches in memory) — once
   * whatever the last run left running has finished.
   */
  async function restore() {
    // First let work from the last run finish, so nothing it still does (an expiry
    // sweep reading the clock this run sets, an approval left waiting, log writes)
    // lands in this run: a request outcomeOf gave up on, then the log writes.
    await drainAbandoned();
    await services.activity.settled();
    const byId = (rows: Grant[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const stored = await db.grants.toArray();
    if (canonical(byId(stored)) !== canonical(byId(grants))) {
      for (const { origin } of stored) await services.grants.removeByOrigin(origin);
      for (const grant of grants) await services.grants.replace(grant);
    }
    await db.siteUse.clear();
    const added = (await db.activity.toCollection().primaryKeys()).slice(logStart);
    if (added.length) await db.activity.bulkDelete(added);
    if (base) {
      const session = fakeBrowser.storage.session;
      const was = Object.fromEntries(Object.entries(base.session).filter(([k]) => k !== 'frames'));
      const extra = Object.keys(await session.get(null)).filter((k) => k !== 'frames' && !(k in was));
      if (extra.length) await session.remove(extra);
      await session.set(structuredClone(was));
    }
  }

  /** The stored state every run starts from (taken now, after any changes the test made). */
  async function baseline(): Promise<Snapshot> {
    await settle(3);
    await services.activity.settled();
    base = await snapshot(db);
    return base;
  }

  /** Checks the run changed nothing beyond what `model` allows. */
  async function expectUnchangedSinceBaseline(model: Model, ignoreSessionKeys: string[] = []): Promise<void> {
    if (!base) throw new Error('take a baseline first');
    // Log writes land after the answer; wait for them before looking.
    await services.activity.settled();
    expectUnchanged(base, await snapshot(db), model, ignoreSessionKeys);
  }

  /** The grants stored are the model's. */
  async function expectGrantsAsModelled(model: Model): Promise<void> {
    const byId = (rows: Grant[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expectSame(byId(await db.grants.toArray()), byId([...model.grants.values()]), 'grants');
  }

  return {
    ...wallet,
    dispatch,
    grants,
    values,
    model,
    restore,
    approvals,
    baseline,
    expectUnchangedSinceBaseline,
    expectGrantsAsModelled,
  };
}

/**
 * Every approval window that opens is answered "no" on the next task, by the
 * real Approvals service, as if the person clicked Reject at once. Records the
 * views the person was asked about and the windows opened for each request.
 */
function answerEveryApprovalWithNo(services: Services) {
  const asked: unknown[] = [];
  /** request id → the windows opened for it */
  const windowsFor = new Map<string, (number | undefined)[]>();
  /** answers the harness gave that the wallet refused (a request answered twice: it had two windows) */
  const refused: string[] = [];
  const windows = fakeBrowser.windows as unknown as {
    create(o: { url?: string }): Promise<{ id?: number }>;
    getAll(): Promise<{ id?: number }[]>;
  };
  const realCreate = windows.create.bind(windows);
  vi.spyOn(windows, 'create').mockImplementation(async (options) => {
    const created = await realCreate(options);
    const id = new URL(options.url ?? '').searchParams.get('id') ?? '';
    windowsFor.set(id, [...(windowsFor.get(id) ?? []), created.id]);
    setTimeout(() => {
      services.approvals.answer(id, { approve: false }).catch((error: unknown) => refused.push(`${id}: ${String(error)}`));
    }, 0);
    return created;
  });
  const ask = services.approvals.ask.bind(services.approvals);
  vi.spyOn(services.approvals, 'ask').mockImplementation((view, gate) => {
    asked.push(view);
    return ask(view, gate);
  });

  /** Each request had one window, and every window is closed again (call once things settled). */
  async function expectOneWindowEachAllClosed(): Promise<void> {
    const twice = [...windowsFor].filter(([, ws]) => ws.length !== 1).map(([id, ws]) => `${id}: windows ${ws.join(', ')}`);
    expect(twice, 'requests that got more than one approval window').toEqual([]);
    expect(refused, 'answers to requests no longer waiting').toEqual([]);
    const open = (await windows.getAll()).map((w) => w.id).filter((id) => id !== 0);
    expect(open, 'approval windows left open').toEqual([]);
  }

  return { asked, windowsFor, refused, expectOneWindowEachAllClosed };
}

export const pageCaller = (origin: string, frame: Partial<PageCaller> = {}): PageCaller => ({
  kind: 'page',
  origin,
  topOrigin: null,
  tabId: 7,
  frameId: 0,
  ...frame,
});

// ---------------------------------------------------------------- fast-check options

/**
 * Run counts, and a failure replayed: FC_SEED=… FC_PATH=… (both printed on
 * failure). FC_RUNS_FACTOR=10 runs each property ten times as long.
 */
const RUNS_FACTOR = ((f) => (Number.isFinite(f) && f > 0 ? f : 1))(Number(process.env.FC_RUNS_FACTOR ?? 1));

export function fcOptions(numRuns: number): { numRuns: number; seed?: number; path?: string } {
  const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
  return { numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)), ...replay };
}

/** A test's time limit: generous, as the machine may be busy; longer with FC_RUNS_FACTOR. */
export const TEST_TIMEOUT = 60_000 * Math.max(1, RUNS_FACTOR);

// ---------------------------------------------------------------- delivering

const HANG_MS = 5_000;
/**
 * The limit is counted in steps of this many ms, each a timer that must fire:
 * a pause of the whole process (a busy or suspended machine) uses up one step,
 * not the limit, so it is not taken for a wallet that never answers.
 */
const HANG_STEP_MS = 50;

export type Outcome<T = Reply> = { reply: T } | { rejected: unknown } | { hung: true };

/** Requests outcomeOf gave up on. They still run, and could change state under a later run. */
const abandoned = new Set<Promise<void>>();

/** Awaits an answer that must come: a rejection or a hang is an outcome the property reports. */
export async function outcomeOf<T = Reply>(promise: Promise<T>): Promise<Outcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<Outcome<T>>((resolve) => {
    let steps = Math.ceil(HANG_MS / HANG_STEP_MS);
    const step = () => {
      steps -= 1;
      if (steps <= 0) resolve({ hung: true });
      else timer = setTimeout(step, HANG_STEP_MS);
    };
    timer = setTimeout(step, HANG_STEP_MS);
  });
  try {
    const outcome = await Promise.race([promise.then((reply) => ({ reply }), (rejected: unknown) => ({ rejected })), hung]);
    if ('hung' in outcome) {
      const running = promise.then(
        () => undefined,
        () => undefined,
      );
      abandoned.add(running);
      void running.then(() => abandoned.delete(running));
    }
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

const DRAIN_MS = 20_000;

/**
 * Waits for the requests outcomeOf gave up on (restore does, before a run), so
 * a slow one cannot change state behind the next run's back; fails if one
 * still has no answer after DRAIN_MS more.
 */
export async function drainAbandoned(): Promise<void> {
  if (abandoned.size === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), DRAIN_MS);
  });
  try {
    if ((await Promise.race([Promise.all(abandoned), late])) === 'late')
      throw new Error(`${abandoned.size} request(s) given up on by an earlier run still unanswered after ${HANG_MS + DRAIN_MS} ms`);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer; a rejection or a hang fails the property. */
export function replyOf<T>(outcome: Outcome<T>): T {
  if ('rejected' in outcome) throw new Error(`the request rejected: ${String(outcome.rejected)}`);
  if ('hung' in outcome) throw new Error(`no answer within ${HANG_MS} ms`);
  return outcome.reply;
}

/** Delivers a message as runtime.onMessage does; every listener's answer. */
export function trigger(message: unknown, sender: unknown): Promise<unknown[]> {
  type Trigger = typeof fakeBrowser.runtime.onMessage.trigger;
  return fakeBrowser.runtime.onMessage.trigger(message, sender as Parameters<Trigger>[1], () => {});
}

// ---------------------------------------------------------------- the contract

export const CONTRACT_CODES = [4001, 4100, 4200, 4900, -32600, -32602, -32002, -32603] as const;
/** No error message reflects a big input back. */
export const MAX_MESSAGE_LENGTH = 2_048;

function must(ok: boolean, problem: string, reply: unknown): asserts ok {
  if (!ok) throw new Error(`${problem}: ${describeValue(reply, 500)}`);
}

/** A reply as DESIGN §3 allows it; a page never gets `data`. */
export function expectContractReply(reply: unknown, callerKind: 'page' | 'ui'): asserts reply is Reply {
  must(typeof reply === 'object' && reply !== null, 'a reply is an object', reply);
  const r = reply as Record<string, unknown>;
  const keys = Object.keys(r).sort().join(',');
  if (r.ok === true) {
    must(keys === 'ok,result', 'a result reply has ok and result only', reply);
    must(r.result !== undefined, 'a result is never undefined', reply);
  } else {
    must(r.ok === false && keys === 'error,ok', 'an error reply has ok: false and error only', reply);
    const error = r.error as Record<string, unknown>;
    must(typeof error === 'object' && error !== null, 'error is an object', reply);
    const allowed = callerKind === 'page' ? ['code', 'message'] : ['code', 'data', 'message'];
    must(Object.keys(error).every((k) => allowed.includes(k)), `error has only ${allowed.join(', ')}`, reply);
    must((CONTRACT_CODES as readonly unknown[]).includes(error.code), 'error.code is a contract code', reply);
    must(typeof error.message === 'string' && error.message.length > 0, 'error.message is a non-empty string', reply);
    must((error.message as string).length <= MAX_MESSAGE_LENGTH, `error.message is at most ${MAX_MESSAGE_LENGTH} characters`, reply);
  }
  // It must cross runtime messaging: structured clone, and JSON for Firefox's content scripts.
  let cloned = false;
  try {
    structuredClone(reply);
    cloned = true;
  } catch {
    /* reported below */
  }
  must(cloned, 'a reply survives structuredClone', reply);
  if (callerKind === 'page') must(canonical(JSON.parse(JSON.stringify(reply))) === canonical(reply), 'a reply survives JSON', reply);
}

export const codeOf = (reply: Reply): number | 'ok' => (reply.ok ? 'ok' : reply.error.code);

// ---------------------------------------------------------------- the model

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

function isFieldList(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > 40) return false;
  for (let i = 0; i < v.length; i++) if (!isFieldNameOracle(v[i])) return false;
  return new Set(v).size === v.length;
}

const onlyKeys = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));

/**
 * Whether params are valid for a page method, from DESIGN §3 and §5 (strict
 * objects, bounded strings and lists). undefined: a method this model does not know.
 */
export function pageParamsValid(method: string, p: unknown): boolean | undefined {
  switch (method) {
    case 'atsign_getGrant':
    case 'atsign_disconnect':
      return p === undefined || (Array.isArray(p) && p.length === 0) || (isPlain(p) && Object.keys(p).length === 0);
    case 'atsign_readProfile':
      return p === undefined || (isPlain(p) && onlyKeys(p, ['fields']) && (p.fields === undefined || isFieldList(p.fields)));
    case 'atsign_signIn': {
      const optional = (v: unknown, ok: (x: string) => boolean) => v === undefined || (typeof v === 'string' && ok(v));
      const time = (x: string) => x.length <= 30 && SIGN_IN.time.test(x);
      return (
        isPlain(p) &&
        onlyKeys(p, ['nonce', 'statement', 'expirationTime', 'notBefore', 'requestId', 'resources']) &&
        typeof p.nonce === 'string' &&
        SIGN_IN.nonce.test(p.nonce) &&
        optional(p.statement, (x) => SIGN_IN.statement.test(x)) &&
        optional(p.expirationTime, time) &&
        optional(p.notBefore, time) &&
        optional(p.requestId, (x) => SIGN_IN.requestId.test(x)) &&
        (p.resources === undefined ||
          (Array.isArray(p.resources) &&
            p.resources.length >= 1 &&
            p.resources.length <= 20 &&
            Array.from(p.resources as unknown[]).every(isUriOracle)))
      );
    }
    case 'atsign_connect':
      return (
        isPlain(p) &&
        onlyKeys(p, ['fields', 'optionalFields', 'purpose']) &&
        isFieldList(p.fields) &&
        (p.optionalFields === undefined || isFieldList(p.optionalFields)) &&
        (p.purpose === undefined || (typeof p.purpose === 'string' && p.purpose.length <= 300))
      );
    default:
      return undefined;
  }
}

export type Expectation =
  | { reply: Reply }
  | { code: number }
  /** one of these codes */
  | { codes: number[] }
  /** a page method this model does not know: only the contract's shape is checked */
  | { any: true };

/** What the wallet must answer page requests, one after another; the grants it must end with. */
export class Model {
  readonly grants: Map<string, Grant>;
  /** successful requests the activity log may record */
  logged = 0;
  /** the vault is locked: reads under a grant get 4900 */
  locked = false;
  /** the wallet's clock (ms) */
  now = T0;

  constructor(
    grants: Grant[],
    private readonly values: Map<string, Record<string, string>>,
  ) {
    this.grants = new Map(grants.map((g) => [g.origin, g]));
  }

  /** The origin's grant if in force; if its time is up, every grant whose time is up is removed (and logged). */
  private inForce(origin: string): Grant | null {
    const grant = this.grants.get(origin);
    if (!grant) return null;
    const over = (g: Grant) => g.expiresAt !== null && g.expiresAt <= this.now;
    if (!over(grant)) return grant;
    for (const [o, g] of this.grants) {
      if (!over(g)) continue;
      this.grants.delete(o);
      this.logged += 1;
    }
    return null;
  }

  expect(method: unknown, params: unknown, origin: string): Expectation {
    if (typeof method !== 'string' || method.length === 0) return { code: -32600 };
    if (!PAGE_METHODS.includes(method)) return { code: 4200 };
    // A page's params may come as JSON text: what it reads as is what counts.
    if (typeof params === 'string') {
      if (params.length > 64 * 1024) return { code: -32602 };
      try {
        params = JSON.parse(params);
      } catch {
        return { code: -32602 };
      }
    }
    const valid = pageParamsValid(method, params);
    if (valid === undefined) return { any: true };
    if (!valid) return { code: -32602 };
    // These look up the site's grant first; one whose time is up ends then.
    const looksUp = ['atsign_getGrant', 'atsign_readProfile', 'atsign_disconnect'].includes(method);
    const grant = looksUp ? this.inForce(origin) : null;
    switch (method) {
      case 'atsign_getGrant':
        return { reply: { ok: true, result: grant } };
      case 'atsign_disconnect':
        if (grant) {
          this.grants.delete(origin);
          this.logged += 1;
        }
        return { reply: { ok: true, result: null } };
      case 'atsign_readProfile': {
        if (!grant) return { code: 4100 };
        if (this.locked) return { code: 4900 };
        const wanted = (params as { fields?: string[] } | undefined)?.fields ?? grant.fields;
        if (!wanted.every((f) => grant.fields.includes(f))) return { code: 4100 };
        const values = this.values.get(grant.personaId) ?? {};
        this.logged += 1;
        return { reply: { ok: true, result: Object.fromEntries(wanted.filter((f) => Object.hasOwn(values, f)).map((f) => [f, values[f]])) } };
      }
      case 'atsign_connect':
        return { code: 4001 };
      case 'atsign_signIn':
        // The person is asked (and says no) — unless the message grammar refuses a param first.
        return { codes: [4001, -32602] };
      default:
        return { any: true };
    }
  }
}

export function expectAsModelled(reply: Reply, expected: Expectation): void {
  if ('reply' in expected) expectSame(reply, expected.reply, 'the reply');
  else if ('code' in expected && codeOf(reply) !== expected.code)
    throw new Error(`expected code ${expected.code}, got ${describeValue(reply, 500)}`);
  else if ('codes' in expected && !expected.codes.includes(codeOf(reply) as number))
    throw new Error(`expected one of codes ${expected.codes.join(', ')}, got ${describeValue(reply, 500)}`);
}

/** The request goes to the person (who, in these tests, always says no: 4001). */
export const asksThePerson = (expected: Expectation): boolean =>
  ('code' in expected && expected.code === 4001) || ('codes' in expected && expected.codes.includes(4001));

// ---------------------------------------------------------------- stored data

export interface Snapshot {
  tables: Record<string, unknown[]>;
  session: Record<string, unknown>;
  local: Record<string, unknown>;
  alarms: unknown[];
}

export async function snapshot(db: WalletDatabase): Promise<Snapshot> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  const session = await fakeBrowser.storage.session.get(null);
  const local = await fakeBrowser.storage.local.get(null);
  const alarms = await fakeBrowser.alarms.getAll();
  return structuredClone({ tables, session, local, alarms });
}

/** A canonical text of stored data (bytes as hex, keys sorted), quick to compare. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) return `bytes:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
    if (v instanceof ArrayBuffer) return `bytes:${Buffer.from(v).toString('hex')}`;
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v === undefined ? '<undefined>' : v;
  });
}

/** Equal, checked quickly; on a difference, expect() shows it. */
function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (canonical(actual) !== canonical(expected)) expect(actual, what).toEqual(expected);
}

/**
 * Everything stored is as before, except what the model says page requests
 * may change: the grants of sites that disconnected, and up to `model.logged`
 * new entries at the end of the activity log. `ignoreSessionKeys`: keys the
 * property checks on its own terms (the frame registry).
 */
export function expectUnchanged(before: Snapshot, after: Snapshot, model: Model, ignoreSessionKeys: string[] = []): void {
  const byId = (rows: unknown[]) => [...(rows as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : 1));
  expectSame(Object.keys(after.tables), Object.keys(before.tables), 'tables');
  for (const name of Object.keys(before.tables)) {
    const was = before.tables[name]!;
    const now = after.tables[name]!;
    if (name === 'grants') expectSame(byId(now), byId([...model.grants.values()]), 'grants');
    else if (name === 'activity') {
      expectSame(now.slice(0, was.length), was, 'the activity log keeps what it had');
      expect(now.length - was.length, 'new activity entries').toBeLessThanOrEqual(model.logged);
    } else if (name === 'siteUse') {
      // "Last used" is noted for grants the run used, after the answer.
      const known = new Set([...(before.tables.grants as Grant[]), ...model.grants.values()].map((g) => g.id));
      for (const row of now as { grantId: string; at: number }[]) {
        expect(known.has(row.grantId), `last use of an unknown grant ${row.grantId}`).toBe(true);
        expect(typeof row.at).toBe('number');
      }
    } else expectSame(now, was, `table ${name}`);
  }
  const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => !ignoreSessionKeys.includes(k)));
  expectSame(strip(after.session), strip(before.session), 'storage.session');
  expectSame(after.local, before.local, 'storage.local');
  expectSame(after.alarms, before.alarms, 'alarms');
}

// ---------------------------------------------------------------- global state

const protoKeys = () => ({
  object: Reflect.ownKeys(Object.prototype),
  array: Reflect.ownKeys(Array.prototype),
  function: Reflect.ownKeys(Function.prototype),
  string: Reflect.ownKeys(String.prototype),
});
const PROTO_KEYS = protoKeys();
const METHOD_NAMES = Object.keys(methods);
const MARKERS = ['polluted', 'isAdmin', 'caller', 'permission', 'ns', 'kind', 'method', 'fields', 'origin', 'approve'];

/** Object.prototype and friends are as they were, and a fresh {} has nothing it should not. */
export function expectNoPollution(): void {
  const fresh = {} as Record<string, unknown>;
  const inherited: string[] = [];
  for (const key in fresh) inherited.push(key);
  expect(inherited, 'enumerable keys of a fresh {}').toEqual([]);
  for (const marker of MARKERS) expect(fresh[marker], `({}).${marker}`).toBeUndefined();
  expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype);
  expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
  expect(protoKeys()).toEqual(PROTO_KEYS);
  expect(Object.keys(methods)).toEqual(METHOD_NAMES);
}

/** Unhandled rejections, uncaught exceptions and console.error calls while a test runs. */
export function watchForStrayErrors() {
  const stray: unknown[] = [];
  const onError = (error: unknown) => stray.push(error);
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  onTestFinished(() => {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  });
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return {
    /** Fails with what went astray since the last check, then forgets it. */
    check(): void {
      const logged = consoleError.mock.calls.map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
      consoleError.mockClear();
      const found = stray.splice(0).map((e) => (e instanceof Error ? e.stack : String(e)));
      expect(found, 'unhandled rejections / uncaught exceptions').toEqual([]);
      expect(logged, 'console.error (an unexpected error in the background)').toEqual([]);
    },
  };
}

/** Lets pending tasks run (timers, fake IndexedDB, closing approval windows). */
export { settle };
