// A wallet with a passphrase and one atSign from the shared fixtures, set up
// through the wallet's own methods, and a persona filled in.
import type { Persona } from '@/src/shared/persona';
import { atKeysFixtures } from './fixtures';
import type { WalletBrowser } from './types';
import { callWallet } from './wallet-api';

export const PASSPHRASE = 'a long enough passphrase';

export async function walletWithAtSign(wallet: WalletBrowser, file = '@barbara.atKeys'): Promise<string> {
  const fixture = atKeysFixtures().find((f) => f.file === file)!;
  await callWallet(wallet, 'wallet_setup', { passphrase: PASSPHRASE });
  const identity = await callWallet(wallet, 'wallet_importAtKeys', { content: fixture.content, fileName: fixture.file });
  return identity.atSign;
}

export async function fillPersona(wallet: WalletBrowser, name: string, fields: Record<string, string>): Promise<Persona> {
  const persona = (await callWallet(wallet, 'wallet_listPersonas')).find((p) => p.name === name)!;
  return callWallet(wallet, 'wallet_savePersona', {
    id: persona.id,
    name,
    fields: { ...persona.fields, ...fields },
    labels: persona.labels,
  });
}
