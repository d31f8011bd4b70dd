// A wallet as the person's own pages see it: the real dispatcher and handlers
// over the real services, a vault set up with a passphrase, and @barbara
// imported from the demo .atKeys file (quicker than making RSA keys).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { UiCaller } from '@/src/background/caller';
import { createDispatcher } from '@/src/background/dispatcher';
import { handlers } from '@/src/background/handlers';
import type { Grant } from '@/src/shared/grant';
import type { ResultOf, UiMethodName } from '@/src/shared/methods';
import type { Persona } from '@/src/shared/persona';
import type { Reply } from '@/src/shared/protocol';
import { makeGrant } from '../support/grants';
import { testServices } from '../support/services';

export const PASSPHRASE = 'correct horse battery staple';
export const BARBARA = '@barbara';

const barbaraKeys = () =>
  readFileSync(path.resolve(process.cwd(), '../shared/fixtures/atkeys/@barbara.atKeys'), 'utf8');

const UI: UiCaller = { kind: 'ui' };

export async function walletWithBarbara() {
  const { db, clock, services } = testServices();
  const dispatch = createDispatcher(handlers, services);

  /** Any request, as the wallet's own pages could send it; the raw reply. */
  const call = (method: string, params?: unknown): Promise<Reply> => dispatch({ method, params }, UI);

  /** A request that must succeed; its result. */
  async function ok<M extends UiMethodName>(method: M, params?: unknown): Promise<ResultOf<M>> {
    const reply = await call(method, params);
    if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.result as ResultOf<M>;
  }

  /** A request that must fail with `code`; the error's message. */
  async function fails(code: number, method: string, params?: unknown): Promise<string> {
    const reply = await call(method, params);
    expect(reply, `${method} should fail with ${code}`).toMatchObject({ ok: false, error: { code } });
    return reply.ok ? '' : reply.error.message;
  }

  const list = () => ok('wallet_listPersonas');
  const names = async () => (await list()).map((p) => p.name);
  async function persona(name: string): Promise<Persona> {
    const found = (await list()).find((p) => p.name === name);
    if (!found) throw new Error(`no persona named ${name}`);
    return found;
  }

  /** A site's grant on a persona, stored as the approval flow would (through the repository, which keeps what it read). */
  async function grant(origin: string, personaId: string, fields: string[]): Promise<Grant> {
    const g = makeGrant({ origin, atSign: BARBARA, personaId, fields });
    await services.grants.replace(g);
    return g;
  }

  await ok('wallet_setup', { passphrase: PASSPHRASE });
  await ok('wallet_importAtKeys', { content: barbaraKeys(), fileName: '@barbara.atKeys' });

  return { db, clock, services, call, ok, fails, list, names, persona, grant };
}

export type Wallet = Awaited<ReturnType<typeof walletWithBarbara>>;
