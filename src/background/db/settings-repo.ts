import { DEFAULT_AUTO_LOCK_MINUTES } from '@/src/shared/wallet-state';
import type { WalletDatabase } from './database';

export interface Settings {
  autoLockMinutes: number;
  activeAtSign: string | null;
}

export type SettingRecord = { [K in keyof Settings]: { key: K; value: Settings[K] } }[keyof Settings];

const DEFAULTS: Settings = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, activeAtSign: null };

export class SettingsRepo {
  constructor(private readonly db: WalletDatabase) {}

  async get<K extends keyof Settings>(key: K): Promise<Settings[K]> {
    const record = await this.db.settings.get(key);
    return record ? (record.value as Settings[K]) : DEFAULTS[key];
  }

  async set<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    await this.db.settings.put({ key, value } as SettingRecord);
  }
}
