import { DEFAULT_ATPLATFORM_ROOT, DEFAULT_AUTO_LOCK_MINUTES } from '@/src/shared/wallet-state';
import type { WalletDatabase } from './database';
import { ReadCache } from './read-cache';

export interface Settings {
  autoLockMinutes: number;
  activeAtSign: string | null;
  /** The root directory the wallet asks where atServers are: an https origin. */
  atPlatformRoot: string;
  /** atServer addresses ('host:port') the person gave, by atSign: used instead of asking the root. */
  atServerAddresses: Record<string, string>;
  /** Sites the person asked not to ask again for a while: origin → until (ms since epoch). */
  quietSites: Record<string, number>;
}

export type SettingRecord = { [K in keyof Settings]: { key: K; value: Settings[K] } }[keyof Settings];

const DEFAULTS: Settings = {
  autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
  activeAtSign: null,
  atPlatformRoot: DEFAULT_ATPLATFORM_ROOT,
  atServerAddresses: {},
  quietSites: {},
};

export class SettingsRepo {
  /** Sign-ins and connects read the active atSign on every call. */
  private readonly cache = new ReadCache<keyof Settings, SettingRecord>();

  constructor(private readonly db: WalletDatabase) {}

  async get<K extends keyof Settings>(key: K): Promise<Settings[K]> {
    const record = await this.cache.read(key, () => this.db.settings.get(key));
    return record ? (record.value as Settings[K]) : DEFAULTS[key];
  }

  async set<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    await this.cache.write(() => this.db.settings.put({ key, value } as SettingRecord));
  }
}
