import { describe, expect, it } from 'vitest';
import { WalletDatabase } from '@/src/background/db/database';
import { GrantsRepo } from '@/src/background/db/grants-repo';
import { makeGrant, T0 } from './support/grants';
import { freshDatabase } from './support/services';

function setup() {
  const db = freshDatabase();
  return { db, repo: new GrantsRepo(db) };
}

describe('findActive', () => {
  it('finds the grant stored for exactly that origin', async () => {
    const { db, repo } = setup();
    const grant = makeGrant({ origin: 'https://site.example' });
    await db.grants.bulkAdd([grant, makeGrant({ origin: 'https://other.example' })]);
    expect(await repo.findActive('https://site.example', T0)).toEqual(grant);
  });

  it('is null for an origin without a grant', async () => {
    const { repo } = setup();
    expect(await repo.findActive('https://site.example', T0)).toBeNull();
  });

  it.each([
    ['another port', 'https://site.example:8443'],
    ['another scheme', 'http://site.example'],
    ['a subdomain', 'https://www.site.example'],
    ['a parent domain', 'https://example'],
    ['a trailing slash', 'https://site.example/'],
    ['other case', 'https://SITE.example'],
    ['a prefix', 'https://site.exam'],
  ])('does not give the grant of https://site.example to %s', async (_label, origin) => {
    const { db, repo } = setup();
    await db.grants.add(makeGrant({ origin: 'https://site.example' }));
    expect(await repo.findActive(origin, T0)).toBeNull();
  });

  it('is null from the moment the grant expires', async () => {
    const { db, repo } = setup();
    const grant = makeGrant({ expiresAt: T0 });
    await db.grants.add(grant);
    expect(await repo.findActive(grant.origin, T0 - 1)).toEqual(grant);
    expect(await repo.findActive(grant.origin, T0)).toBeNull();
    expect(await repo.findActive(grant.origin, T0 + 1)).toBeNull();
  });

  it('keeps a grant without expiry in force', async () => {
    const { db, repo } = setup();
    const grant = makeGrant({ expiresAt: null });
    await db.grants.add(grant);
    expect(await repo.findActive(grant.origin, Number.MAX_SAFE_INTEGER)).toEqual(grant);
  });
});

describe('list', () => {
  it('is empty with no grants', async () => {
    const { repo } = setup();
    expect(await repo.list()).toEqual([]);
  });

  it('gives every grant, expired ones too, ordered by origin', async () => {
    const { db, repo } = setup();
    const b = makeGrant({ origin: 'https://b.example' });
    const a = makeGrant({ origin: 'https://a.example', expiresAt: T0 - 1 });
    const c = makeGrant({ origin: 'http://localhost:3000' });
    await db.grants.bulkAdd([b, a, c]);
    expect(await repo.list()).toEqual([c, a, b]);
  });

  it('is read once and kept until the repository writes (the background alone writes grants)', async () => {
    const { db, repo } = setup();
    const a = makeGrant({ origin: 'https://a.example' });
    await db.grants.add(a);
    expect(await repo.list()).toEqual([a]);
    // Written behind the repository's back: not seen, which shows the list is kept…
    await db.grants.add(makeGrant({ origin: 'https://behind.example' }));
    expect(await repo.list()).toEqual([a]);
    // …until the repository itself writes, after which the table is read again.
    const b = makeGrant({ origin: 'https://b.example' });
    await repo.replace(b);
    expect((await repo.list()).map((g) => g.origin)).toEqual(['https://a.example', 'https://b.example', 'https://behind.example']);
  });

  it('shows every kind of write at once', async () => {
    const { repo } = setup();
    const grants = [
      makeGrant({ origin: 'https://a.example', atSign: '@alice', personaId: 'p1' }),
      makeGrant({ origin: 'https://b.example', atSign: '@bob', personaId: 'p2' }),
      makeGrant({ origin: 'https://c.example', atSign: '@alice', personaId: 'p3', expiresAt: T0 }),
      makeGrant({ origin: 'https://d.example', atSign: '@alice', personaId: 'p4' }),
      makeGrant({ origin: 'https://e.example', atSign: '@alice', personaId: 'p4' }),
    ];
    for (const grant of grants) await repo.replace(grant);
    const origins = async () => (await repo.list()).map((g) => new URL(g.origin).hostname[0]);
    expect(await origins()).toEqual(['a', 'b', 'c', 'd', 'e']);
    await repo.removeByOrigin('https://a.example');
    expect(await origins()).toEqual(['b', 'c', 'd', 'e']);
    await repo.removeExpired(T0);
    expect(await origins()).toEqual(['b', 'd', 'e']);
    await repo.removeByPersona('p4');
    expect(await origins()).toEqual(['b']);
    await repo.removeByAtSign('@bob');
    expect(await origins()).toEqual([]);
  });

  it('does not keep a list read while a write was under way', async () => {
    const { db, repo } = setup();
    await db.grants.add(makeGrant({ origin: 'https://a.example' }));
    const b = makeGrant({ origin: 'https://b.example' });
    // The list is asked for while the replace is still writing; whatever it read, the next list is fresh.
    const [during] = await Promise.all([repo.list(), repo.replace(b)]);
    expect(during.length === 1 || during.length === 2).toBe(true);
    expect((await repo.list()).map((g) => g.origin)).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('the grants table', () => {
  it('holds one grant per origin', async () => {
    const { db, repo } = setup();
    const first = makeGrant({ origin: 'https://site.example' });
    await db.grants.add(first);
    await expect(db.grants.add(makeGrant({ origin: 'https://site.example' }))).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    expect(await repo.list()).toEqual([first]);
  });

  it('keeps grants when the database is opened again', async () => {
    const { db } = setup();
    const grant = makeGrant();
    await db.grants.add(grant);
    db.close();
    const reopened = new WalletDatabase(db.name);
    try {
      expect(await new GrantsRepo(reopened).findActive(grant.origin, T0)).toEqual(grant);
    } finally {
      reopened.close();
    }
  });
});
