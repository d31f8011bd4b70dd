import type { AtServerApprover } from './atserver/index.mjs';

export declare function connectApprover(options: {
  atSign: string;
  /** The atServer's 'host:port'. */
  address: string;
  /** PEM of the test CA. */
  ca: string;
  /** The atSign's parsed .atKeys: the approving app holds the atSign's keys. */
  atKeys: Record<string, unknown>;
}): AtServerApprover;
