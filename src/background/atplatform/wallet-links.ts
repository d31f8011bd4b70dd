// The links, as the wallet runs them: addresses from the person's settings or
// the root, keys from the vault, and the signing key published on connect.
// Links are open exactly while the wallet is unlocked.

import { parseAddress } from '@/src/atplatform';
import { importSelfKey } from '@/src/keys/self-key-cipher';
import { decodeBase64 } from '@/src/shared/base64';
import type { IdentitiesRepo, IdentitySecrets } from '../db/identities-repo';
import type { SettingsRepo } from '../db/settings-repo';
import type { Vault } from '../vault/vault';
import { browserConnector } from './browser-connector';
import { Enrollments } from './enrollments';
import { AtServerLinks } from './links';
import { publishSigningKey } from './publish-signing-key';
import { findAtServerOverHttps, type FetchLike } from './root-over-https';

export interface WalletLinksDeps {
  identities: IdentitiesRepo;
  settings: SettingsRepo;
  vault: Vault;
  fetch: FetchLike;
  now: () => number;
  /** Hears each exchange with an atServer (src/background/keep-awake.ts). */
  onTraffic?: () => void;
}

/** What the links tell the personas' sync. */
export interface LinkListeners {
  onOnline(atSign: string): void;
  onServerCommit(atSign: string, latestCommitId: number): void;
}

/** The atServer's address: the one the person gave for this atSign, else the root's answer. */
function locator(settings: SettingsRepo, fetch: FetchLike) {
  return async (atSign: string) => {
    const given = (await settings.get('atServerAddresses'))[atSign];
    if (given) return parseAddress(given);
    return findAtServerOverHttps(await settings.get('atPlatformRoot'), atSign, fetch);
  };
}

export function createWalletLinks({ identities, settings, vault, fetch, now, onTraffic }: WalletLinksDeps, listeners: LinkListeners): AtServerLinks {
  const record = async (atSign: string) => {
    const found = await identities.get(atSign);
    if (!found) throw new Error(`${atSign} is no longer in this wallet.`);
    return found;
  };
  return new AtServerLinks({
    locate: locator(settings, fetch),
    connect: browserConnector(fetch, undefined, onTraffic),
    async credentials(atSign) {
      const secrets = await vault.unseal<IdentitySecrets>((await record(atSign)).secrets);
      const { enrollmentId } = secrets.extra;
      return typeof enrollmentId === 'string' && enrollmentId !== ''
        ? { pkamPrivateKey: secrets.pkamPrivateKey, enrollmentId }
        : { pkamPrivateKey: secrets.pkamPrivateKey };
    },
    async whenOnline(client, atSign) {
      await publishSigningKey(client, (await record(atSign)).binding);
    },
    ...listeners,
    now,
    later(task, ms) {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    },
  });
}

/** The atSign's self encryption key, from the vault, for what the wallet keeps on its atServer. */
export async function selfKeyOf(identities: IdentitiesRepo, vault: Vault, atSign: string): Promise<CryptoKey> {
  const record = await identities.get(atSign);
  if (!record) throw new Error(`${atSign} is no longer in this wallet.`);
  const raw = decodeBase64((await vault.unseal<IdentitySecrets>(record.secrets)).selfEncryptionKey);
  if (raw === null || raw.length !== 32) throw new Error(`${atSign}’s self encryption key is not a 256-bit AES key.`);
  return importSelfKey(raw);
}

/** Enrollment requests, finding atServers and connecting as the links do. */
export function createWalletEnrollments({ settings, fetch, now, onTraffic }: Pick<WalletLinksDeps, 'settings' | 'fetch' | 'now' | 'onTraffic'>): Enrollments {
  return new Enrollments({
    locate: locator(settings, fetch),
    connect: browserConnector(fetch, undefined, onTraffic),
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}

/** Opens a link for every atSign in the wallet while it is unlocked; closes them all when it is locked. */
export async function refreshLinks({
  links,
  vault,
  identities,
}: {
  links: AtServerLinks;
  vault: Vault;
  identities: IdentitiesRepo;
}): Promise<void> {
  if (!(await vault.isUnlocked())) return links.stopAll();
  links.sync((await identities.list()).map((record) => record.atSign));
  // Locked while the list was read: the lock's own stopAll may have come first.
  if (!(await vault.isUnlocked())) links.stopAll();
}
