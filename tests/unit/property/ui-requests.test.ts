// Property tests for the wallet's own pages: any request — any method name,
// any params, params of each ui method's shape with "__proto__",
// "constructor" and other such keys — gets a contract reply with a result of
// the method's shape, never rejects, never pollutes a prototype, and never
// leaves a persona holding a key that is not a profile field. These requests
// may change the wallet (that is what they are for), so stored data is not
// compared here; see page-requests.test.ts and listener.test.ts for that.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '@/src/shared/activity';
import { ErrorCode } from '@/src/shared/errors';
import type { Reply } from '@/src/shared/protocol';
import { PASSPHRASE } from '../personas/support';
import {
  anyValue,
  isFieldNameOracle,
  isUiMethod,
  type Labelled,
  labelled,
  methodArb,
  pollutionObject,
  UI_METHODS,
  validFieldName,
} from './arbitraries';
import {
  codeOf,
  expectContractReply,
  expectNoPollution,
  fcOptions,
  outcomeOf,
  replyOf,
  TEST_TIMEOUT,
  walletWorld,
  watchForStrayErrors,
} from './world';

const UI = { kind: 'ui' } as const;

// ---------------------------------------------------------------- params near each ui method's shape

const trap = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__');
/** atSigns that do not start a key generation (which takes seconds): taken, malformed, or traps. */
const atSignish = fc.oneof(
  trap,
  fc.constantFrom('@barbara', 'barbara', '@BARBARA', '@', '', '@ bar', '@__proto__x!', '@' + 'a'.repeat(300)),
);
const idish = fc.oneof(trap, fc.constantFrom('', 'x'.repeat(65)), fc.uuid(), fc.string({ maxLength: 20 }));
const wrongPassphrase = fc.string({ minLength: 1, maxLength: 30 }).filter((p) => p !== PASSPHRASE);

/** A record whose own keys include traps, made by JSON.parse so "__proto__" is a key of its own. */
const trapRecord: fc.Arbitrary<Labelled<unknown>> = fc
  .uniqueArray(
    fc.tuple(
      fc.oneof(trap, validFieldName, fc.constantFrom('x-__proto__', 'x-a', '__proto__ ', 'NAME')),
      fc.oneof(fc.constantFrom('', 'Barbara', ' padded ', 'line\nbreak', 'https://pic.example/a.png'), fc.string({ maxLength: 12 })),
    ),
    { maxLength: 4, selector: ([k]) => k },
  )
  .map((entries) => {
    const text = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
    return labelled(`JSON.parse(${text})`, JSON.parse(text) as unknown);
  });

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const rec = (shape: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[]) =>
  fc.record(shape, { requiredKeys }).map((v) => labelled(fc.stringify(v), v as unknown));

const shaped: Record<string, fc.Arbitrary<Labelled<unknown>>> = {
  wallet_savePersona: fc
    .tuple(opt(idish), opt(atSignish), fc.string({ maxLength: 45 }), trapRecord, opt(trapRecord))
    .map(([id, atSign, name, fields, labels]) => {
      const v: Record<string, unknown> = { name, fields: fields.value };
      if (id !== undefined) v.id = id;
      if (atSign !== undefined) v.atSign = atSign;
      if (labels !== undefined) v.labels = labels.value;
      return labelled(`{id: ${String(id)}, atSign: ${String(atSign)}, name: ${JSON.stringify(name)}, fields: ${fields.label}, labels: ${labels?.label}}`, v as unknown);
    }),
  wallet_listPersonas: fc.oneof(fc.constant(labelled('undefined', undefined as unknown)), rec({ atSign: atSignish }, [])),
  wallet_deletePersona: rec({ id: idish }, ['id']),
  wallet_reorderPersonas: rec({ atSign: atSignish, ids: fc.uniqueArray(idish, { maxLength: 4 }) }, ['ids']),
  wallet_setActiveAtSign: rec({ atSign: atSignish }, ['atSign']),
  // Never the right passphrase, so @barbara stays and later runs find the same wallet.
  wallet_removeAtSign: rec({ atSign: atSignish, passphrase: wrongPassphrase }, ['atSign', 'passphrase']),
  wallet_createAtSign: rec({ atSign: atSignish }, ['atSign']),
  wallet_exportAtKeys: rec({ atSign: atSignish, passphrase: wrongPassphrase }, ['atSign', 'passphrase']),
  wallet_unlock: rec({ passphrase: fc.oneof(wrongPassphrase, fc.constant(PASSPHRASE)) }, ['passphrase']),
  wallet_setup: rec({ passphrase: fc.string({ maxLength: 30 }) }, ['passphrase']),
  wallet_changePassphrase: rec({ current: wrongPassphrase, next: fc.string({ maxLength: 30 }) }, ['current', 'next']),
  wallet_setAutoLock: rec({ minutes: fc.constantFrom<unknown>(1, 5, 15, 30, 60, 240, 0, 7, -1, '5', null, 1.5) }, ['minutes']),
  wallet_importAtKeys: fc
    .tuple(pollutionObject, opt(fc.string({ maxLength: 20 })))
    .map(([p, fileName]) => {
      const content = JSON.stringify(p.value).replace('{', '{"__proto__":{"polluted":"yes"},');
      return labelled(`{content: ${JSON.stringify(content)}, fileName: ${String(fileName)}}`, { content, fileName } as unknown);
    }),
  wallet_getApproval: rec({ id: idish }, ['id']),
  wallet_answerApproval: fc
    .tuple(idish, fc.boolean(), idish, fc.uniqueArray(validFieldName, { maxLength: 3 }), trapRecord)
    .map(([id, approve, personaId, fields, fill]) => {
      const answer = approve ? { approve, personaId, fields, duration: 'forever', fill: fill.value } : { approve };
      return labelled(`{id: ${id}, answer: ${fc.stringify({ ...answer, fill: approve ? fill.label : undefined })}}`, { id, answer } as unknown);
    }),
  wallet_listActivity: fc.oneof(
    fc.constant(labelled('undefined', undefined as unknown)),
    rec(
      {
        before: fc.oneof(fc.nat(), fc.constantFrom<unknown>(-1, 1.5, '1', Number.MAX_SAFE_INTEGER + 2)),
        limit: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constantFrom<unknown>(0, 501, 1e9)),
        kind: fc.constantFrom<unknown>(...ACTIVITY_KINDS, 'toString', '__proto__'),
        origin: fc.oneof(trap, fc.constantFrom('https://granted.example')),
      },
      [],
    ),
  ),
};

const uiRequest: fc.Arbitrary<{ method: Labelled; params: Labelled }> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.keys(shaped)).chain((m) => fc.record({ method: fc.constant(labelled(m, m as unknown)), params: shaped[m]! })) },
  { weight: 2, arbitrary: fc.record({ method: fc.constantFrom(...UI_METHODS).map((m) => labelled(m, m as unknown)), params: fc.oneof(anyValue, pollutionObject) }) },
  { weight: 1, arbitrary: fc.record({ method: methodArb, params: fc.oneof(anyValue, pollutionObject) }) },
);

// ---------------------------------------------------------------- results of each ui method's shape

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWalletState = (v: unknown) =>
  isObject(v) && typeof v.initialized === 'boolean' && typeof v.unlocked === 'boolean' && typeof v.autoLockMinutes === 'number' && Array.isArray(v.identities);
const isStringMap = (v: unknown) =>
  isObject(v) && Object.getPrototypeOf(v) === Object.prototype && Object.entries(v).every(([k, x]) => isFieldNameOracle(k) && typeof x === 'string');
const isPersona = (v: unknown) =>
  isObject(v) && typeof v.id === 'string' && typeof v.name === 'string' && isStringMap(v.fields) && isObject(v.labels) && Object.keys(v.labels).every((k) => k.startsWith('x-'));
const isPersonaList = (v: unknown) => Array.isArray(v) && v.every(isPersona);
const isIdentity = (v: unknown) => isObject(v) && typeof v.atSign === 'string' && typeof v.fingerprint === 'string';

const RESULT_SHAPES: Record<string, (v: unknown) => boolean> = {
  wallet_getState: isWalletState,
  wallet_setup: isWalletState,
  wallet_unlock: isWalletState,
  wallet_lock: isWalletState,
  wallet_changePassphrase: isWalletState,
  wallet_setAutoLock: isWalletState,
  wallet_setActiveAtSign: isWalletState,
  wallet_removeAtSign: isWalletState,
  wallet_importAtKeys: isIdentity,
  wallet_createAtSign: isIdentity,
  wallet_exportAtKeys: (v) => isObject(v) && typeof v.fileName === 'string' && typeof v.content === 'string',
  wallet_listGrants: (v) => Array.isArray(v) && v.every((g) => isObject(g) && typeof g.origin === 'string' && Array.isArray(g.fields)),
  wallet_listPersonas: isPersonaList,
  wallet_savePersona: isPersona,
  wallet_deletePersona: isPersonaList,
  wallet_reorderPersonas: isPersonaList,
  wallet_getApproval: (v) => isObject(v) && typeof v.id === 'string' && typeof v.origin === 'string' && isObject(v.request),
  wallet_answerApproval: (v) => v === null,
  wallet_listActivity: (v) => isObject(v) && Array.isArray(v.entries) && (v.nextBefore === null || typeof v.nextBefore === 'number'),
};

function expectUiReply(method: unknown, reply: Reply): void {
  if (typeof method !== 'string' || method.length === 0) {
    expect(codeOf(reply)).toBe(ErrorCode.InvalidRequest);
    return;
  }
  if (!isUiMethod(method)) {
    expect(codeOf(reply), 'a page method or an unknown one, for the wallet pages').toBe(ErrorCode.UnsupportedMethod);
    return;
  }
  expect(codeOf(reply), 'an unexpected error in the background').not.toBe(ErrorCode.Internal);
  if (reply.ok) {
    const shape = RESULT_SHAPES[method];
    if (shape && !shape(reply.result)) throw new Error(`${method} answered a result of the wrong shape: ${fc.stringify(reply.result).slice(0, 500)}`);
  }
}

describe('the wallet pages calling the dispatcher', () => {
  it('get a contract reply of the method’s shape for any request; no prototype or persona is polluted', async () => {
    const world = await walletWorld();
    const watch = watchForStrayErrors();
    async function unlock() {
      await world.db.vault.update('vault', { failures: 0, lastFailureAt: null });
      if (!(await world.services.vault.isUnlocked())) await world.ok('wallet_unlock', { passphrase: PASSPHRASE });
    }

    await fc.assert(
      fc.asyncProperty(fc.array(uiRequest, { minLength: 1, maxLength: 3 }), async (requests) => {
        // Each run starts unlocked (earlier runs may lock it, or earn a wait with wrong passphrases).
        await unlock();

        for (const { method, params } of requests) {
          const reply = replyOf(await outcomeOf(world.dispatch({ method: method.value, params: params.value }, UI)));
          expectContractReply(reply, 'ui');
          expectUiReply(method.value, reply);
        }

        // Whatever was asked, a persona holds only profile fields, as strings.
        await unlock();
        const personas = await world.ok('wallet_listPersonas', { atSign: '@barbara' });
        for (const persona of personas) expect(isPersona(persona), `persona ${fc.stringify(persona)}`).toBe(true);
        expectNoPollution();
        watch.check();
      }),
      fcOptions(250),
    );
  }, TEST_TIMEOUT);
});
