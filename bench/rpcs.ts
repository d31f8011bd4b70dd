// The page API calls the benchmarks time. Each is measured the same way, in
// the same browser run as the echo floor; adding a method is one more entry
// here. The site holds a grant on a filled-in persona, kept signed in, so
// each call does its real work and none opens a window.
import type { PageMethodName } from '@/src/shared/methods';

export interface RpcCase {
  /** The results.json key for its {p50, p95} in ms. */
  key: string;
  method: PageMethodName;
  params?: unknown;
  /** How the table names it, when the method alone does not say. */
  label?: string;
  /** The results.json key for its p50 over the echo floor's p50, if it has a budget. */
  ratioKey?: string;
}

export const RPCS: RpcCase[] = [
  { key: 'rpc_roundtrip_ms', method: 'atsign_getGrant', ratioKey: 'rpc_vs_floor_p50' },
  { key: 'read_profile_ms', method: 'atsign_readProfile', ratioKey: 'read_profile_vs_floor_p50' },
  // "Keep me signed in": signed, logged, no window.
  { key: 'signin_kept_ms', method: 'atsign_signIn', params: { nonce: 'benchNonce0001' }, label: 'atsign_signIn, kept', ratioKey: 'signin_kept_vs_floor_p50' },
];
