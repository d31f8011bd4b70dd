// The types a site sees: the shapes of the public page API (DESIGN §3). They
// describe what the wallet promises, so a site can depend on them without
// depending on how the wallet is built.
import type { Grant } from '../../../src/shared/grant';

export type { Grant };

/** Who the wallet says it is. `icon` is a `data:` URI, safe to use as an <img> src. */
export interface AtSignProviderInfo {
  uuid: string;
  name: string;
  icon: string;
  rdns: string;
}

/** What a rejected request carries (EIP-1193 codes; see `ErrorCode`). */
export interface ProviderRpcError {
  code: number;
  message: string;
}

/** The data each provider event hands its listeners. */
export interface ProviderEvents {
  grantChanged: Grant | null;
  /** The granted fields that changed, with their new values. */
  profileChanged: Record<string, string>;
  revoked: { grantId: string; reason: 'person' | 'expired' | 'site' };
}
export type ProviderEventName = keyof ProviderEvents;

export interface AtSignProvider {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on<E extends ProviderEventName>(event: E, listener: (data: ProviderEvents[E]) => void): AtSignProvider;
  removeListener<E extends ProviderEventName>(event: E, listener: (data: ProviderEvents[E]) => void): AtSignProvider;
}

/** One announced wallet: the `detail` of an `atsign:announceProvider` event. */
export interface ProviderDetail {
  info: AtSignProviderInfo;
  provider: AtSignProvider;
}
