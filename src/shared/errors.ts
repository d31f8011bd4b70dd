// Error codes of the page API (DESIGN §3): EIP-1193 provider codes plus the
// JSON-RPC ones the contract names. Every failure a page can see is one of these.
export const ErrorCode = {
  UserRejected: 4001,
  Unauthorized: 4100,
  UnsupportedMethod: 4200,
  Locked: 4900,
  InvalidRequest: -32600,
  InvalidParams: -32602,
  Internal: -32603,
  RequestPending: -32002,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface WalletErrorShape {
  code: ErrorCode;
  message: string;
  /** Details for the wallet's own pages, e.g. { reason: 'wrong-passphrase' }. */
  data?: Record<string, unknown>;
}

/** An error the wallet means to show to its caller, with a contract code. */
export class WalletError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WalletError';
  }

  toJSON(): WalletErrorShape {
    return this.data ? { code: this.code, message: this.message, data: this.data } : { code: this.code, message: this.message };
  }
}

export const invalidParams = (message: string) => new WalletError(ErrorCode.InvalidParams, message);
