// Personas through the real dispatcher, as the wallet's own pages use them.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@/src/shared/errors';
import { MAX_PERSONAS } from '@/src/shared/persona';
import { BARBARA, PASSPHRASE, walletWithBarbara } from './support';

const INVALID = ErrorCode.InvalidParams;

describe('a new atSign', () => {
  it('has the personas Public, Work and Family, in that order, with nothing in them', async () => {
    const w = await walletWithBarbara();
    const list = await w.list();
    expect(list.map((p) => p.name)).toEqual(['Public', 'Work', 'Family']);
    expect(list.map((p) => p.order)).toEqual([0, 1, 2]);
    for (const p of list) expect(p).toMatchObject({ atSign: BARBARA, fields: {}, labels: {} });
    expect(new Set(list.map((p) => p.id)).size).toBe(3);
  });

  it('lists the same personas when the atSign is named', async () => {
    const w = await walletWithBarbara();
    expect(await w.ok('wallet_listPersonas', { atSign: BARBARA })).toEqual(await w.list());
  });

  it('refuses to list the personas of an atSign that is not in the wallet', async () => {
    const w = await walletWithBarbara();
    await w.fails(INVALID, 'wallet_listPersonas', { atSign: '@nobody' });
  });
});

describe('saving a persona', () => {
  it('creates a new persona at the end of the list', async () => {
    const w = await walletWithBarbara();
    const club = await w.ok('wallet_savePersona', { name: 'Chess club', fields: { nickname: 'Babs' } });
    expect(club).toMatchObject({ atSign: BARBARA, name: 'Chess club', order: 3, fields: { nickname: 'Babs' }, labels: {} });
    expect(await w.names()).toEqual(['Public', 'Work', 'Family', 'Chess club']);
    expect(await w.persona('Chess club')).toEqual(club);
  });

  it('updates a persona in place: same id, same position, new name and values', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    const fields = {
      name: 'Barbara Liskov',
      email: 'barbara@work.example',
      phone_number: '+44 20 7946 0000',
      website: 'https://barbara.example',
      address: '1 Main Street\nCambridge MA',
      'x-github': 'bliskov',
    };
    const saved = await w.ok('wallet_savePersona', {
      id: work.id,
      name: 'Office',
      fields,
      labels: { 'x-github': 'GitHub' },
    });
    expect(saved).toEqual({ id: work.id, atSign: BARBARA, order: 1, name: 'Office', fields, labels: { 'x-github': 'GitHub' } });
    expect(await w.names()).toEqual(['Public', 'Office', 'Family']);
    expect(await w.persona('Office')).toEqual(saved);
  });

  it('treats an empty value as no value', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example', nickname: 'Babs' } });
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: '', nickname: 'Babs' } });
    expect((await w.persona('Work')).fields).toEqual({ nickname: 'Babs' });
  });

  it('trims spaces around the persona name', async () => {
    const w = await walletWithBarbara();
    await w.ok('wallet_savePersona', { name: '  Club  ', fields: {} });
    expect(await w.names()).toEqual(['Public', 'Work', 'Family', 'Club']);
  });

  it(`allows up to ${MAX_PERSONAS} personas per atSign`, async () => {
    const w = await walletWithBarbara();
    for (let i = 3; i < MAX_PERSONAS; i++) await w.ok('wallet_savePersona', { name: `P${i}`, fields: {} });
    const before = await w.list();
    expect(before).toHaveLength(MAX_PERSONAS);
    await w.fails(INVALID, 'wallet_savePersona', { name: 'One too many', fields: {} });
    expect(await w.list()).toEqual(before);
  });

  it('refuses an id that is not a persona of this wallet, and creates nothing', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    await w.fails(INVALID, 'wallet_savePersona', { id: 'no-such-persona', name: 'Work', fields: {} });
    expect(await w.list()).toEqual(before);
  });

  it('refuses more than 20 custom fields', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    const fields = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x-f${i}`, `v${i}`]));
    await w.fails(INVALID, 'wallet_savePersona', { id: work.id, name: 'Work', fields });
    expect((await w.persona('Work')).fields).toEqual({});
  });
});

describe('what the person typed wrong', () => {
  it('names each bad field by its label, and saves nothing', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    const before = await w.list();

    const message = await w.fails(INVALID, 'wallet_savePersona', {
      id: work.id,
      name: 'Work',
      fields: {
        email: 'not an email',
        website: 'javascript:alert(1)',
        phone_number: '+44 20 7946 0000',
        birthdate: '2025-02-30',
        'x-github': 'two\nlines',
      },
      labels: { 'x-github': 'GitHub' },
    });
    for (const label of ['Email', 'Website', 'Birth date', 'GitHub']) expect(message).toContain(label);
    expect(message).not.toContain('Phone number');
    expect(await w.list()).toEqual(before);
  });

  it('refuses a new persona with a bad field, and creates nothing', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    const message = await w.fails(INVALID, 'wallet_savePersona', {
      name: 'Club',
      fields: { picture: 'data:text/html;base64,PHNjcmlwdD4=' },
    });
    expect(message).toContain('Picture');
    expect(await w.list()).toEqual(before);
  });

  it('refuses a name of only spaces', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    await w.fails(INVALID, 'wallet_savePersona', { name: '   ', fields: {} });
    expect(await w.list()).toEqual(before);
  });

  it('refuses a field a persona cannot hold, naming it', async () => {
    const w = await walletWithBarbara();
    const message = await w.fails(INVALID, 'wallet_savePersona', { name: 'Club', fields: { password: 'hunter2' } });
    expect(message).toContain('password');
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'names a field called %s as itself (not as a JavaScript built-in)',
    async (field) => {
      const w = await walletWithBarbara();
      const before = await w.list();
      const message = await w.fails(INVALID, 'wallet_savePersona', { name: 'Club', fields: { [field]: 'x' } });
      expect(message).toContain(`"${field}"`);
      expect(message).not.toMatch(/native code|\[object Object\]/);
      expect(await w.list()).toEqual(before);
    },
  );

  it('refuses a label on a standard field', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    await w.fails(INVALID, 'wallet_savePersona', { name: 'Club', fields: { email: 'a@b.example' }, labels: { email: 'Mail' } });
    expect(await w.list()).toEqual(before);
  });
});

describe('params that are not what the method takes', () => {
  it.each([
    ['an unknown key', { name: 'Club', fields: {}, colour: 'red' }],
    ['a number for the name', { name: 5, fields: {} }],
    ['an empty name', { name: '', fields: {} }],
    ['a name longer than 40 characters', { name: 'n'.repeat(41), fields: {} }],
    ['no fields', { name: 'Club' }],
    ['fields as an array', { name: 'Club', fields: [] }],
    ['fields as null', { name: 'Club', fields: null }],
    ['a number as a value', { name: 'Club', fields: { email: 5 } }],
    ['an object as a value', { name: 'Club', fields: { email: { toString: 'a@b.example' } } }],
    ['a field name in capitals', { name: 'Club', fields: { Email: 'a@b.example' } }],
    ['an empty label', { name: 'Club', fields: { 'x-a': 'b' }, labels: { 'x-a': '' } }],
    ['a number as the id', { id: 5, name: 'Club', fields: {} }],
    ['an array of params', ['Club', {}]],
    ['a string of params', 'Club'],
    ['no params', undefined],
    ['a value far too long', { name: 'Club', fields: { name: 'a'.repeat(300_000) } }],
  ])('savePersona refuses %s with -32602, and saves nothing', async (_label, params) => {
    const w = await walletWithBarbara();
    const before = await w.list();
    await w.fails(INVALID, 'wallet_savePersona', params);
    expect(await w.list()).toEqual(before);
  });

  it.each([
    ['wallet_listPersonas', { atSign: BARBARA, all: true }],
    ['wallet_listPersonas', { atSign: 7 }],
    ['wallet_deletePersona', { id: 'x', force: true }],
    ['wallet_deletePersona', { id: ['x'] }],
    ['wallet_reorderPersonas', { ids: 'a,b,c' }],
    ['wallet_reorderPersonas', { ids: [1, 2, 3] }],
  ])('%s refuses %j with -32602', async (method, params) => {
    const w = await walletWithBarbara();
    await w.fails(INVALID, method, params);
  });
});

describe('reordering', () => {
  it('puts the personas in the order given, and keeps it', async () => {
    const w = await walletWithBarbara();
    const [pub, work, family] = await w.list();
    const result = await w.ok('wallet_reorderPersonas', { ids: [family!.id, pub!.id, work!.id] });
    expect(result.map((p) => p.name)).toEqual(['Family', 'Public', 'Work']);
    expect(result.map((p) => p.order)).toEqual([0, 1, 2]);
    expect(await w.list()).toEqual(result);
  });

  it('keeps the values of reordered personas', async () => {
    const w = await walletWithBarbara();
    const [pub, work, family] = await w.list();
    await w.ok('wallet_savePersona', { id: work!.id, name: 'Work', fields: { email: 'b@work.example' } });
    await w.ok('wallet_reorderPersonas', { ids: [work!.id, family!.id, pub!.id] });
    expect(await w.persona('Work')).toMatchObject({ order: 0, fields: { email: 'b@work.example' } });
  });

  it.each([
    ['one missing', (ids: string[]) => ids.slice(0, 2)],
    ['an unknown id', (ids: string[]) => [ids[0]!, ids[1]!, 'no-such-persona']],
    ['an extra unknown id', (ids: string[]) => [...ids, 'no-such-persona']],
    ['one twice', (ids: string[]) => [ids[0]!, ids[0]!, ids[1]!]],
    ['none', () => []],
  ])('refuses a list with %s, and keeps the order', async (_label, wrong) => {
    const w = await walletWithBarbara();
    const before = await w.list();
    await w.fails(INVALID, 'wallet_reorderPersonas', { ids: wrong(before.map((p) => p.id)) });
    expect(await w.list()).toEqual(before);
  });
});

describe('deleting a persona', () => {
  it('removes it and answers the remaining list', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    const rest = await w.ok('wallet_deletePersona', { id: work.id });
    expect(rest.map((p) => p.name)).toEqual(['Public', 'Family']);
    expect(await w.names()).toEqual(['Public', 'Family']);
  });

  it('revokes the grants made with it, and no others', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    const family = await w.persona('Family');
    const onWork = await w.grant('https://shop.example', work.id, ['email']);
    const onFamily = await w.grant('https://photos.example', family.id, ['name']);

    await w.ok('wallet_deletePersona', { id: work.id });

    expect(await w.db.grants.get(onWork.id)).toBeUndefined();
    expect(await w.db.grants.get(onFamily.id)).toEqual(onFamily);
    expect(await w.ok('wallet_listGrants')).toEqual([{ ...onFamily, lastUsedAt: null }]);
  });

  it('refuses an id that is not a persona of this wallet', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    await w.fails(INVALID, 'wallet_deletePersona', { id: 'no-such-persona' });
    expect(await w.list()).toEqual(before);
  });

  it('keeps positions in step with the list, so a new persona goes last', async () => {
    const w = await walletWithBarbara();
    await w.ok('wallet_deletePersona', { id: (await w.persona('Work')).id });
    await w.ok('wallet_savePersona', { name: 'Club', fields: {} });
    const list = await w.list();
    expect(list.map((p) => p.order)).toEqual([0, 1, 2]);
    expect(list.map((p) => p.name)).toEqual(['Public', 'Family', 'Club']);
  });
});

describe('when the wallet is locked', () => {
  it('answers every persona method with 4900 and changes nothing', async () => {
    const w = await walletWithBarbara();
    const before = await w.list();
    const [pub, work, family] = before;
    const grant = await w.grant('https://shop.example', work!.id, ['email']);
    await w.ok('wallet_lock');

    await w.fails(ErrorCode.Locked, 'wallet_listPersonas');
    await w.fails(ErrorCode.Locked, 'wallet_listPersonas', { atSign: BARBARA });
    await w.fails(ErrorCode.Locked, 'wallet_savePersona', { name: 'Club', fields: {} });
    await w.fails(ErrorCode.Locked, 'wallet_savePersona', { id: work!.id, name: 'Renamed', fields: { email: 'a@b.example' } });
    await w.fails(ErrorCode.Locked, 'wallet_deletePersona', { id: work!.id });
    await w.fails(ErrorCode.Locked, 'wallet_reorderPersonas', { ids: [family!.id, work!.id, pub!.id] });

    await w.ok('wallet_unlock', { passphrase: PASSPHRASE });
    expect(await w.list()).toEqual(before);
    expect(await w.db.grants.get(grant.id)).toEqual(grant);
  });
});

describe('personas and the rest of the wallet', () => {
  it('keeps every persona readable after the passphrase changes', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    const before = await w.list();
    const next = 'a whole new passphrase';
    await w.ok('wallet_changePassphrase', { current: PASSPHRASE, next });
    expect(await w.list()).toEqual(before);
    await w.ok('wallet_lock');
    await w.fails(ErrorCode.Unauthorized, 'wallet_unlock', { passphrase: PASSPHRASE });
    await w.ok('wallet_unlock', { passphrase: next });
    expect(await w.list()).toEqual(before);
  });

  it('removes the personas of an atSign removed from the wallet', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'b@work.example' } });
    await w.ok('wallet_removeAtSign', { atSign: BARBARA, passphrase: PASSPHRASE });
    expect(await w.db.personas.count()).toBe(0);
    await w.fails(INVALID, 'wallet_listPersonas', { atSign: BARBARA });
  });
});
