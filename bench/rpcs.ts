// The page API calls the benchmarks time. Each is measured the same way, in
// the same browser run as the echo floor; adding a method (atsign_readProfile
// comes next) is one more entry here.
import type { PageMethodName } from '@/src/shared/methods';

export interface RpcCase {
  /** The results.json key for its {p50, p95} in ms. */
  key: string;
  method: PageMethodName;
  params?: unknown;
  /** The results.json key for its p50 over the echo floor's p50, if it has a budget. */
  ratioKey?: string;
}

export const RPCS: RpcCase[] = [{ key: 'rpc_roundtrip_ms', method: 'atsign_getGrant', ratioKey: 'rpc_vs_floor_p50' }];
