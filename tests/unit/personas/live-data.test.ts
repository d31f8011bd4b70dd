// Live data (DESIGN §3 events): when the person edits a persona, each site
// holding a grant on it hears the changed fields it was granted — and only
// those; when the persona is deleted, its sites hear that access ended.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NS } from '@/src/shared/protocol';
import { walletWithBarbara } from './support';

const SHOP = 'https://shop.example';
const BANK = 'https://bank.example';
const PHOTOS = 'https://photos.example';

const WORK_FIELDS = { name: 'Barbara Liskov', email: 'barbara@work.example', phone_number: '+44 20 7946 0000' };

/** Work holds values; shop and bank hold grants on Work, photos on Family. Emits are recorded from here on. */
async function setup() {
  const w = await walletWithBarbara();
  const work = await w.persona('Work');
  const family = await w.persona('Family');
  await w.ok('wallet_savePersona', { id: work.id, name: 'Work', fields: WORK_FIELDS });
  await w.ok('wallet_savePersona', { id: family.id, name: 'Family', fields: { name: 'Babs', email: 'babs@home.example' } });
  const shop = await w.grant(SHOP, work.id, ['name', 'email', 'website']);
  const bank = await w.grant(BANK, work.id, ['phone_number']);
  const photos = await w.grant(PHOTOS, family.id, ['name', 'email', 'website', 'phone_number']);
  const emit = vi.spyOn(w.services.events, 'emit');
  const saveWork = (fields: Record<string, string>, name = 'Work', labels: Record<string, string> = {}) =>
    w.ok('wallet_savePersona', { id: work.id, name, fields, labels });
  return { ...w, work, family, shop, bank, photos, emit, saveWork };
}

const sentTo = (emit: { mock: { calls: unknown[][] } }, origin: string) =>
  emit.mock.calls.filter(([o]) => o === origin).map(([, name, data]) => ({ name, data }));

describe('profileChanged', () => {
  it('tells each site only the changed fields its grant includes', async () => {
    const { saveWork, emit } = await setup();
    await saveWork({
      name: 'Barbara Liskov', // unchanged
      email: 'liskov@work.example', // changed: shop has it
      phone_number: '+1 617 555 0100', // changed: bank has it
      website: 'https://liskov.example', // new: shop has it
      nickname: 'Babs', // new: nobody has it
    });
    expect(sentTo(emit, SHOP)).toEqual([
      { name: 'profileChanged', data: { email: 'liskov@work.example', website: 'https://liskov.example' } },
    ]);
    expect(sentTo(emit, BANK)).toEqual([{ name: 'profileChanged', data: { phone_number: '+1 617 555 0100' } }]);
    expect(emit).toHaveBeenCalledTimes(2);
  });

  it('sends a removed value as null', async () => {
    const { saveWork, emit } = await setup();
    await saveWork({ name: 'Barbara Liskov', phone_number: '+44 20 7946 0000' });
    expect(sentTo(emit, SHOP)).toEqual([{ name: 'profileChanged', data: { email: null } }]);
    expect(sentTo(emit, BANK)).toEqual([]);
  });

  it('sends a value emptied by the person as null', async () => {
    const { saveWork, emit } = await setup();
    await saveWork({ ...WORK_FIELDS, phone_number: '' });
    expect(sentTo(emit, BANK)).toEqual([{ name: 'profileChanged', data: { phone_number: null } }]);
    expect(sentTo(emit, SHOP)).toEqual([]);
  });

  it('sends nothing when only fields no site holds change', async () => {
    const { saveWork, emit } = await setup();
    await saveWork({ ...WORK_FIELDS, nickname: 'Babs', 'x-github': 'bliskov', birthdate: '1939-11-07' }, 'Work', { 'x-github': 'GitHub' });
    expect(emit).not.toHaveBeenCalled();
  });

  it('sends nothing when nothing changes, or only the persona name', async () => {
    const { saveWork, emit } = await setup();
    await saveWork({ ...WORK_FIELDS });
    await saveWork({ ...WORK_FIELDS }, 'Office');
    expect(emit).not.toHaveBeenCalled();
  });

  it('sends nothing to a site whose grant is on another persona', async () => {
    const { saveWork, emit, ok, family } = await setup();
    await saveWork({ name: 'B. Liskov', email: 'new@work.example', website: 'https://x.example', phone_number: '+1 617 555 0100' });
    expect(sentTo(emit, PHOTOS)).toEqual([]);
    // …and the other way round.
    emit.mockClear();
    await ok('wallet_savePersona', { id: family.id, name: 'Family', fields: { name: 'Barbie' } });
    expect(emit.mock.calls.map(([o]) => o)).toEqual([PHOTOS]);
    expect(sentTo(emit, PHOTOS)).toEqual([{ name: 'profileChanged', data: { name: 'Barbie', email: null } }]);
  });

  it('sends nothing to a site whose grant has expired', async () => {
    const { saveWork, emit, db, shop, clock } = await setup();
    await db.grants.put({ ...shop, expiresAt: clock.now - 1 });
    await saveWork({ ...WORK_FIELDS, email: 'liskov@work.example' });
    expect(sentTo(emit, SHOP)).toEqual([]);
  });

  it('still tells a site whose grant has not yet expired', async () => {
    const { saveWork, emit, db, shop, clock } = await setup();
    await db.grants.put({ ...shop, expiresAt: clock.now + 60_000 });
    await saveWork({ ...WORK_FIELDS, email: 'liskov@work.example' });
    expect(sentTo(emit, SHOP)).toEqual([{ name: 'profileChanged', data: { email: 'liskov@work.example' } }]);
  });

  it('sends nothing when the save is refused', async () => {
    const { saveWork, emit } = await setup();
    await expect(saveWork({ ...WORK_FIELDS, email: 'not an email' })).rejects.toThrow(/-32602/);
    expect(emit).not.toHaveBeenCalled();
  });

  it('reaches the open frames of the site as an event envelope', async () => {
    const { saveWork, services } = await setup();
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await services.frames.remember(SHOP, { tabId: 3, frameId: 0 });
    await services.frames.remember(PHOTOS, { tabId: 4, frameId: 0 });
    await saveWork({ ...WORK_FIELDS, email: 'liskov@work.example' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith(
      3,
      { ns: NS, kind: 'event', origin: SHOP, name: 'profileChanged', data: { email: 'liskov@work.example' } },
      { frameId: 0 },
    );
  });
});

describe('deleting a persona', () => {
  it("tells each of its sites 'revoked' by the person, then grantChanged null", async () => {
    const { ok, work, shop, bank, emit } = await setup();
    await ok('wallet_deletePersona', { id: work.id });
    expect(sentTo(emit, SHOP)).toEqual([
      { name: 'revoked', data: { grantId: shop.id, reason: 'person' } },
      { name: 'grantChanged', data: null },
    ]);
    expect(sentTo(emit, BANK)).toEqual([
      { name: 'revoked', data: { grantId: bank.id, reason: 'person' } },
      { name: 'grantChanged', data: null },
    ]);
  });

  it('tells nothing to a site whose grant is on another persona, which keeps its grant', async () => {
    const { ok, work, photos, emit, db } = await setup();
    await ok('wallet_deletePersona', { id: work.id });
    expect(sentTo(emit, PHOTOS)).toEqual([]);
    expect(await db.grants.get(photos.id)).toEqual(photos);
  });

  it('leaves the site with no grant when it hears of it', async () => {
    const { ok, work, shop, db, services } = await setup();
    const seen: unknown[] = [];
    vi.spyOn(services.events, 'emit').mockImplementation(async (origin, name) => {
      if (origin === SHOP && name === 'revoked') seen.push(await db.grants.get(shop.id));
    });
    await ok('wallet_deletePersona', { id: work.id });
    expect(seen).toEqual([undefined]);
  });
});
