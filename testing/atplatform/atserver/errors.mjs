// The atServer's exceptions and how its global exception handler answers
// them (at_secondary global_exception_handler.dart; codes and descriptions
// from at_commons error_message.dart). The code is looked up by the
// exception's class name; a class missing from that map is AT0011 — which is
// why AtEnrollmentException, InvalidAtSignException and even
// AtThrottleLimitExceeded (the map spells it AtThrottleLimitException) all
// come back as AT0011.

const CODES = {
  AtServerException: 'AT0001',
  DataStoreException: 'AT0002',
  InvalidSyntaxException: 'AT0003',
  SocketException: 'AT0004',
  BufferOverFlowException: 'AT0005',
  OutboundConnectionLimitException: 'AT0006',
  SecondaryNotFoundException: 'AT0007',
  HandShakeException: 'AT0008',
  UnAuthorizedException: 'AT0009',
  InternalServerError: 'AT0010',
  InternalServerException: 'AT0011',
  InboundConnectionLimitException: 'AT0012',
  UnAuthenticatedException: 'AT0401',
  BlockedConnectionException: 'AT0013',
  AtClientException: 'AT0014',
  KeyNotFoundException: 'AT0015',
  InvalidAtKeyException: 'AT0016',
  SecondaryConnectException: 'AT0021',
  IllegalArgumentException: 'AT0022',
  AtTimeoutException: 'AT0023',
  ServerIsPausedException: 'AT0024',
  AtThrottleLimitException: 'AT0028',
  AtInvalidEnrollmentException: 'AT0029',
  AtEnrollmentRevokeException: 'AT0031',
};

const DESCRIPTIONS = {
  AT0001: 'Server exception',
  AT0002: 'DataStore exception',
  AT0003: 'Invalid syntax',
  AT0004: 'Socket error',
  AT0005: 'Buffer limit exceeded',
  AT0006: 'Outbound connection limit exceeded',
  AT0007: 'Secondary server not found',
  AT0008: 'Handshake failure',
  AT0009: 'UnAuthorized client in request',
  AT0010: 'Internal server error',
  AT0011: 'Internal server exception',
  AT0012: 'Inbound connection limit exceeded',
  AT0401: 'Client authentication failed',
  AT0013: 'Connection Exception',
  AT0014: 'Unknown AtClient exception',
  AT0015: 'key not found',
  AT0016: 'Invalid key',
  AT0021: 'Unable to connect to secondary',
  AT0022: 'Illegal arguments',
  AT0023: 'Timeout waiting for response',
  AT0024: 'Server is paused',
  AT0025: 'Apkam Auth Denied',
  AT0026: 'Apkam Auth Failed',
  AT0027: 'Apkam Access Revoked',
  AT0028: 'Too Many Requests',
  AT0029: 'Apkam Enrollment Expired',
  AT0030: 'Invalid Enrollment Status',
  AT0031: 'Cannot revoke self enrollment',
};

/** Classes after which the server also closes the connection. */
const CLOSING = new Set(['InvalidAtSignException', 'BufferOverFlowException', 'ConnectionInvalidException', 'BlockedConnectionException', 'DataStoreException', 'ServerIsPausedException']);

/** Classes the handler answers as they are; any other becomes an InternalServerException and the connection is closed. */
const ANSWERED = new Set([
  ...CLOSING,
  'InvalidSyntaxException',
  'InvalidAtKeyException',
  'IllegalArgumentException',
  'OutboundConnectionLimitException',
  'LookupException',
  'SecondaryNotFoundException',
  'HandShakeException',
  'UnAuthenticatedException',
  'UnAuthorizedException',
  'AtEnrollmentException',
  'AtEnrollmentRevokeException',
  'OutBoundConnectionInvalidException',
  'KeyNotFoundException',
  'AtConnectException',
  'SocketException',
  'AtTimeoutException',
  'AtThrottleLimitExceeded',
  'InternalServerError',
]);

/** An AtException of the named Dart class. */
export class AtServerException extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
  }
}

export const fail = (type, message) => new AtServerException(type, message);

/** A Dart Exception that is not an AtException (FormatException, …): its toString() is `text`. */
export class DartException extends Error {
  constructor(text) {
    super(text);
    this.dartText = text;
  }
}

/** A Dart Error (TypeError, …): the server answers it as InternalServerError. */
export class DartError extends Error {
  constructor(text) {
    super(text);
    this.dartText = text;
  }
}

/** Dart's runtimeType name of a decoded JSON value, for the TypeErrors its typed fields throw. */
export function dartType(value) {
  if (value === null || value === undefined) return 'Null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'String';
  return Array.isArray(value) ? 'List<dynamic>' : '_Map<String, dynamic>';
}

/** What the handler writes for `error` on a connection, and whether it then closes it. */
export function describeFailure(error, authenticated) {
  let exception = error;
  let closes = false;
  if (error instanceof DartError) {
    exception = fail('InternalServerError', error.dartText);
  } else if (!(error instanceof AtServerException) || !ANSWERED.has(error.type)) {
    // "Unexpected exception": wrapped, answered, and the connection closed.
    const text = error instanceof AtServerException ? `Exception: ${error.message}` : error instanceof DartException ? error.dartText : String(error?.message ?? error);
    exception = fail('InternalServerException', text);
    closes = true;
  }
  closes ||= CLOSING.has(exception.type);
  const code = CODES[exception.type] ?? 'AT0011';
  const description = authenticated ? `${DESCRIPTIONS[code]} : ${exception.message}` : `Exception: ${exception.message}`;
  return { code, description, closes };
}
