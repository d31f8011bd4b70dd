// What the extension's own pages are told about the wallet. Nothing secret.

export interface IdentitySummary {
  atSign: string;
  /** lowercase hex SHA-256 of the encryption public key (DER), as the atPlatform shows it */
  fingerprint: string;
  /** lowercase hex SHA-256 of the PKAM public key (DER) */
  pkamFingerprint: string;
  /** How its keys came: a file, made here, or given by an app that manages the atSign (APKAM enrollment). */
  source: 'imported' | 'created' | 'enrolled' | 'activated';
  /** ms since epoch */
  addedAt: number;
  /** base64url ed25519 key the wallet signs sign-ins with */
  signingPublicKey: string;
}

export interface WalletState {
  /** a passphrase has been set */
  initialized: boolean;
  unlocked: boolean;
  autoLockMinutes: number;
  activeAtSign: string | null;
  identities: IdentitySummary[];
}

export const PASSPHRASE_MIN_LENGTH = 10;
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
/** The atPlatform's public root directory, asked over HTTPS. */
export const DEFAULT_ATPLATFORM_ROOT = 'https://root.atsign.org';
