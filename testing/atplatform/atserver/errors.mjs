// The atServer's exceptions, by the class names at_commons maps to codes
// (error_message.dart). A class not in that map is AT0011, as the server's
// global exception handler makes it.

const CODES = {
  InvalidSyntaxException: 'AT0003',
  BufferOverFlowException: 'AT0005',
  SecondaryNotFoundException: 'AT0007',
  UnAuthorizedException: 'AT0009',
  UnAuthenticatedException: 'AT0401',
  KeyNotFoundException: 'AT0015',
  InvalidAtKeyException: 'AT0016',
  IllegalArgumentException: 'AT0022',
  AtThrottleLimitExceeded: 'AT0028',
  AtInvalidEnrollmentException: 'AT0029',
  AtEnrollmentRevokeException: 'AT0031',
};

const DESCRIPTIONS = {
  AT0003: 'Invalid syntax',
  AT0005: 'Buffer limit exceeded',
  AT0007: 'Secondary server not found',
  AT0009: 'UnAuthorized client in request',
  AT0011: 'Internal server exception',
  AT0015: 'key not found',
  AT0016: 'Invalid key',
  AT0022: 'Illegal arguments',
  AT0028: 'Too Many Requests',
  AT0029: 'Apkam Enrollment Expired',
  AT0031: 'Cannot revoke self enrollment',
  AT0401: 'Client authentication failed',
};

export class AtServerException extends Error {
  /** `type` is the server's exception class name, e.g. 'KeyNotFoundException'. */
  constructor(type, message) {
    super(message);
    this.type = type;
    this.code = CODES[type] ?? 'AT0011';
  }

  /** The text after `<code>-`: the server's own description on an authenticated connection, Dart's toString otherwise. */
  describe(authenticated) {
    return authenticated ? `${DESCRIPTIONS[this.code]} : ${this.message}` : `Exception: ${this.message}`;
  }
}

export const fail = (type, message) => new AtServerException(type, message);

/** An answer a handler marks as an error itself (pkam's enrollment states): written `error:<code>:<message>`. */
export class ErrorResponse {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}
