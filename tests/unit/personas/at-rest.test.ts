// DESIGN §5: persona values are not readable at rest. Someone who copies the
// IndexedDB files sees ids, atSigns and positions, never what the person wrote.
import { describe, expect, it } from 'vitest';
import { walletWithBarbara, type Wallet } from './support';

const SECRETS = {
  name: 'Zephyrine Quorrowmaster',
  email: 'zephyrine.q@hidden-mailbox.example',
  phone_number: '+44 20 7946 0318',
  address: '42 Obscure Lane\nNowhereton QX9 9ZZ',
  'x-github': 'zq-octocat-7781',
};
const LABEL = 'Codeforge handle';
const PERSONA_NAME = 'Clandestine Orchid Society';

/** Every string in a stored value, with its bytes read as UTF-8 and Latin-1 too. */
function readableText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
    out.push(new TextDecoder('utf-8').decode(bytes), new TextDecoder('latin1').decode(bytes));
    out.push(Buffer.from(bytes).toString('base64'));
  } else if (ArrayBuffer.isView(value)) readableText(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), out);
  else if (Array.isArray(value)) value.forEach((v) => readableText(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      readableText(v, out);
    }
  }
  return out;
}

async function everythingStored(w: Wallet): Promise<string> {
  const rows = await Promise.all(w.db.tables.map((table) => table.toArray()));
  return readableText(rows).join('\u0001');
}

async function personaRows(w: Wallet): Promise<string> {
  return readableText(await w.db.personas.toArray()).join('\u0001');
}

describe('personas at rest', () => {
  it('stores no persona name or value in a readable form', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: SECRETS, labels: { 'x-github': LABEL } });
    await w.ok('wallet_savePersona', { name: PERSONA_NAME, fields: { nickname: 'Zeph the Unseen' } });

    const rows = await w.db.personas.toArray();
    expect(rows).toHaveLength(4);
    const persona = await personaRows(w);
    // The rows are the ones we mean: their ids and atSign are in the clear.
    expect(persona).toContain(work.id);
    expect(persona).toContain('@barbara');

    const all = await everythingStored(w);
    for (const secret of [...Object.values(SECRETS), LABEL, PERSONA_NAME, 'Zeph the Unseen', 'Zephyrine', 'hidden-mailbox']) {
      expect(all, secret).not.toContain(secret);
    }
  });

  it('does not store even the default persona names readably', async () => {
    const w = await walletWithBarbara();
    const persona = await personaRows(w);
    for (const name of ['Public', 'Work', 'Family']) expect(persona).not.toContain(name);
  });

  it('keeps a changed value unreadable, and leaves no old value behind', async () => {
    const w = await walletWithBarbara();
    const work = await w.persona('Work');
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'first.secret@hidden.example' } });
    await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: { email: 'second.secret@hidden.example' } });
    const all = await everythingStored(w);
    expect(all).not.toContain('first.secret');
    expect(all).not.toContain('second.secret');
  });
});
