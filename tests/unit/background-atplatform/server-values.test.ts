// What the wallet keeps on the atServer, and what it takes back from it: its
// own key names only, values that open with the self encryption key, and
// personas that keep the editor's rules — anything else is named and refused.
import { describe, expect, it } from 'vitest';
import {
  encryptForServer,
  orderAtKey,
  personaAtKey,
  readOrderValue,
  readPersonaValue,
  readServerKey,
  ServerValueError,
} from '@/src/background/sync/server-values';
import { importSelfKey } from '@/src/keys/self-key-cipher';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const selfKey = () => importSelfKey(crypto.getRandomValues(new Uint8Array(32)));

async function stored(key: CryptoKey, value: unknown) {
  const { value: text, metadata } = await encryptForServer(key, value);
  return { text, metadata: { isEncrypted: String(metadata.isEncrypted), ivNonce: String(metadata.ivNonce) } };
}

describe('the wallet’s keys on the atServer', () => {
  it('are its personas and their order, for this atSign only', () => {
    expect(personaAtKey(ID, '@bob')).toBe(`${ID}.personas.atwallet@bob`);
    expect(readServerKey(personaAtKey(ID, '@bob'), '@bob')).toEqual({ kind: 'persona', id: ID });
    expect(readServerKey(orderAtKey('@bob'), '@bob')).toEqual({ kind: 'order' });
    for (const other of [personaAtKey(ID, '@alice'), `x${ID}.personas.atwallet@bob`, 'public:publickey@bob', `public:${ID}.personas.atwallet@bob`]) {
      expect(readServerKey(other, '@bob')).toBeNull();
    }
  });
});

describe('a persona value', () => {
  it('goes up encrypted with a fresh IV each time, and comes back as it was', async () => {
    const key = await selfKey();
    const persona = { name: 'Work', fields: { email: 'bob@work.example' }, labels: {} };
    const [first, second] = [await stored(key, persona), await stored(key, persona)];
    expect(first.metadata.ivNonce).not.toBe(second.metadata.ivNonce);
    expect(first.text).not.toBe(second.text);
    expect(first.text).not.toContain('bob');
    expect(await readPersonaValue(key, first.text, first.metadata)).toEqual(persona);
  });

  it('is refused, by name, when it does not open or breaks the editor’s rules', async () => {
    const key = await selfKey();
    const good = await stored(key, { name: 'Work', fields: {}, labels: {} });
    const cases: Array<[string | null, Record<string, string> | null]> = [
      [null, null],
      [good.text, { ivNonce: good.metadata.ivNonce }],
      [good.text, { isEncrypted: 'true', ivNonce: 'short' }],
      [good.text, { isEncrypted: 'true', ivNonce: 'AAAAAAAAAAAAAAAAAAAAAA==' }],
      ['not base64!', good.metadata],
    ];
    for (const [text, metadata] of cases) await expect(readPersonaValue(key, text, metadata)).rejects.toBeInstanceOf(ServerValueError);
    await expect(readPersonaValue(await selfKey(), good.text, good.metadata)).rejects.toBeInstanceOf(ServerValueError);
    for (const bad of [
      'just text',
      { name: '', fields: {}, labels: {} },
      { name: 'x'.repeat(41), fields: {}, labels: {} },
      { name: 'Work', fields: { email: 'not an email' }, labels: {} },
      { name: 'Work', fields: { '<script>': 'x' }, labels: {} },
      { name: 'Work', fields: { email: 7 }, labels: {} },
      { name: 'Work', fields: {}, labels: { name: 'Not custom' } },
    ]) {
      const { text, metadata } = await stored(key, bad);
      await expect(readPersonaValue(key, text, metadata)).rejects.toBeInstanceOf(ServerValueError);
    }
  });
});

describe('the order value', () => {
  it('is a list of persona ids, or refused', async () => {
    const key = await selfKey();
    const good = await stored(key, { ids: [ID] });
    expect(await readOrderValue(key, good.text, good.metadata)).toEqual([ID]);
    for (const bad of [{ ids: ['not-an-id'] }, { ids: ID }, {}, { ids: Array(81).fill(ID) }]) {
      const { text, metadata } = await stored(key, bad);
      await expect(readOrderValue(key, text, metadata)).rejects.toBeInstanceOf(ServerValueError);
    }
  });
});
