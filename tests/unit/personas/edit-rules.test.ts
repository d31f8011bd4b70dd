// What the persona editor refuses, the background refuses too: any extension
// page can send wallet_savePersona, so the editor's checks are a convenience
// and these are the guard. Each refusal is -32602 with a sentence a person
// reads, and stores nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, savePersona, type PersonaContent } from '@/src/background/personas/personas';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { Reply } from '@/src/shared/protocol';
import { BARBARA, walletWithBarbara, type Wallet } from './support';

const INVALID = ErrorCode.InvalidParams;

/** The reply's problems, as savePersona lists them. */
function problemsOf(reply: Reply): string[] {
  expect(reply).toMatchObject({ ok: false, error: { code: INVALID, data: { reason: 'invalid-persona' } } });
  return reply.ok ? [] : ((reply.error.data as { problems: string[] }).problems ?? []);
}

/** A persona's content as the sync stores what another app or wallet wrote: not through savePersona. */
async function storeAsSynced(w: Wallet, name: string, content: PersonaContent): Promise<void> {
  const { id } = await w.persona(name);
  const record = (await w.services.personas.get(id))!;
  await w.services.personas.put({ ...record, sealed: await w.services.vault.seal(content) });
}

describe('persona names', () => {
  it.each([
    ['the same name', 'Work'],
    ['another case', 'WORK'],
    ['spaces around', '  work  '],
    ['another encoding of the same letters', 'Cafe\u0301'],
  ])('refuses a new persona named as another (%s), and creates nothing', async (_how, name) => {
    const w = await walletWithBarbara();
    await w.ok('wallet_savePersona', { name: 'Café', fields: {} });
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', { name, fields: { nickname: 'Babs' } });
    expect(problemsOf(reply)).toEqual([`You already have a persona called ${name.trim()}.`]);
    expect(await w.list()).toEqual(before);
  });

  it.each(['Family', 'family', ' FAMILY '])('refuses renaming a persona to %j, another’s name, and changes nothing', async (name) => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', { id: work.id, name, fields: { email: 'new@work.example' } });
    expect(problemsOf(reply)).toEqual([`You already have a persona called ${name.trim()}.`]);
    expect(await w.list()).toEqual(before);
  });

  it('lets a persona keep its own name, or change only its case', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    await w.ok('wallet_savePersona', { id: work.id, name: ' Work ', fields: { email: 'b@work.example' } });
    await w.ok('wallet_savePersona', { id: work.id, name: 'WORK', fields: { email: 'b@work.example' } });
    expect(await w.names()).toEqual(['Public', 'WORK', 'Family']);
  });

  it('takes a name a deleted persona had', async () => {
    const w = await walletWithBarbara();
    await w.ok('wallet_deletePersona', { id: (await w.persona('Family')).id });
    await w.ok('wallet_savePersona', { name: 'Family', fields: {} });
    expect(await w.names()).toEqual(['Public', 'Work', 'Family']);
  });

  it('compares only with the personas of the same atSign', async () => {
    const w = await walletWithBarbara();
    const alice = readFileSync(path.resolve(process.cwd(), '../shared/fixtures/atkeys/@alice🛠.atKeys'), 'utf8');
    await w.ok('wallet_importAtKeys', { content: alice, fileName: '@alice🛠.atKeys' });
    await w.ok('wallet_savePersona', { atSign: '@alice🛠', name: 'Chess club', fields: {} });
    await w.ok('wallet_savePersona', { atSign: BARBARA, name: 'Chess club', fields: {} });
    // Alice has the default personas too: Barbara's Work is no clash for them.
    expect(await w.ok('wallet_listPersonas', { atSign: '@alice🛠' })).toHaveLength(4);
  });

  it('still saves a persona whose name another already had when it arrived (the sync keeps both), while the name stays', async () => {
    const w = await walletWithBarbara();
    await storeAsSynced(w, 'Family', { name: 'work', fields: {}, labels: {} });
    const arrived = (await w.list()).find((p) => p.name === 'work')!;
    await w.ok('wallet_savePersona', { id: arrived.id, name: 'work', fields: { nickname: 'Babs' } });
    expect((await w.persona('work')).fields).toEqual({ nickname: 'Babs' });
    // A new name is checked like any other.
    const reply = await w.call('wallet_savePersona', { id: arrived.id, name: 'Public', fields: {} });
    expect(problemsOf(reply)).toEqual(['You already have a persona called Public.']);
  });
});

describe('custom field labels', () => {
  it.each([
    ['no labels at all', undefined],
    ['no label for the field', { 'x-other': 'Other' }],
    ['a label of only spaces', { 'x-github': '   ' }],
  ])('refuses a custom field with %s, naming it, and saves nothing', async (_how, labels) => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', {
      id: work.id,
      name: 'Work',
      fields: { email: 'b@work.example', 'x-github': 'bliskov' },
      ...(labels ? { labels } : {}),
    });
    expect(problemsOf(reply)).toEqual(['Give the custom field "x-github" a label.']);
    expect(await w.list()).toEqual(before);
  });

  it('refuses a new persona with an unlabelled custom field, and creates nothing', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', { name: 'Club', fields: { 'x-a': '1', 'x-b': '2' }, labels: { 'x-a': 'A' } });
    expect(problemsOf(reply)).toEqual(['Give the custom field "x-b" a label.']);
    expect(await w.list()).toEqual(before);
  });

  it('refuses taking a label away from a field that had one', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { 'x-github': 'bliskov' }, labels: { 'x-github': 'GitHub' } });
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', { id: work.id, name: 'Work', fields: { 'x-github': 'bliskov' } });
    expect(problemsOf(reply)).toEqual(['Give the custom field "x-github" a label.']);
    expect(await w.list()).toEqual(before);
  });

  it('needs no label for a field with no value (it is not kept)', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    const saved = await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example', 'x-github': '' } });
    expect(saved.fields).toEqual({ email: 'b@work.example' });
  });

  it('still saves a persona holding an unlabelled field another app wrote, but not a new one', async () => {
    const w = await walletWithBarbara();
    await storeAsSynced(w, 'Work', { name: 'Work', fields: { 'x-team': 'Platform' }, labels: {} });
    const work = await w.persona('Work');
    // A page edits another field: the unlabelled one stays.
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { ...work.fields, email: 'b@work.example' }, labels: work.labels });
    // So does a value filled in in the approval window, which saves the persona as it is with the value added.
    const filled = await w.persona('Work');
    await savePersona({ ...filled, fields: { ...filled.fields, nickname: 'Babs' } }, w.services);
    expect((await w.persona('Work')).fields).toEqual({ 'x-team': 'Platform', email: 'b@work.example', nickname: 'Babs' });
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', { id: work.id, name: 'Work', fields: { 'x-team': 'Platform', 'x-desk': '4F' } });
    expect(problemsOf(reply)).toEqual(['Give the custom field "x-desk" a label.']);
    expect(await w.list()).toEqual(before);
  });
});

describe('every problem at once', () => {
  it('lists a bad value, a taken name and a missing label together, one sentence each', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    const reply = await w.call('wallet_savePersona', { name: 'family', fields: { email: 'nope', 'x-a': 'b' } });
    const problems = problemsOf(reply);
    expect(problems).toEqual([
      'Email: Enter an email address like name@example.com.',
      'You already have a persona called family.',
      'Give the custom field "x-a" a label.',
    ]);
    expect(reply.ok ? '' : reply.error.message).toBe(problems.join(' '));
    expect(await w.list()).toEqual(before);
  });
});

describe('what the sync reads', () => {
  it('keeps taking unlabelled custom fields other apps wrote (checkContent has no label rule)', async () => {
    expect(() => checkContent({ name: 'Work', fields: { 'x-team': 'Platform' }, labels: {} })).not.toThrow();
    expect(() => checkContent({ name: 'Work', fields: { email: 'nope' }, labels: {} })).toThrow(WalletError);
  });
});
