// The atServer's `error:` replies, in the three shapes its code writes them:
//   error:AT0015-Exception: public:x@alice does not exist   (exceptions, legacy clients)
//   error:{"errorCode":"AT0401","errorDescription":"…"}     (exceptions, clients that sent a
//                                                            clientConfig version above 3.0.37)
//   error:AT0026:enrollment_id: … is pending                (replies a handler marks as errors:
//                                                            APKAM enrollment states, throttling)
// The code is always "AT" and four digits. Anything else after `error:` is
// kept whole under AT0014, the code Atsign's own client (at_lookup) gives an
// error it cannot read.

const CODE = /^(AT\d{4})[-:]/;

/** Atsign's code for an error the client could not parse (at_lookup's choice). */
export const UNKNOWN_ERROR_CODE = 'AT0014';

export class AtServerError extends Error {
  /** e.g. "AT0015" (key not found), "AT0401" (not authenticated), "AT0026" (enrollment pending). */
  readonly code: string;
  /** The server's description, as it sent it. */
  readonly text: string;

  constructor(code: string, text: string) {
    super(`The atServer answered ${code}: ${text}`);
    this.name = 'AtServerError';
    this.code = code;
    this.text = text;
  }
}

function fromJson(body: string): AtServerError | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { errorCode, errorDescription } = parsed as Record<string, unknown>;
  if (typeof errorCode !== 'string' || !/^AT\d{4}$/.test(errorCode)) return null;
  return new AtServerError(errorCode, typeof errorDescription === 'string' ? errorDescription : '');
}

/** `body` is what followed `error:`. Never throws. */
export function parseServerError(body: string): AtServerError {
  if (body.startsWith('{')) {
    const json = fromJson(body);
    if (json) return json;
  }
  const match = CODE.exec(body);
  if (match?.[1]) return new AtServerError(match[1], body.slice(match[0].length).trim());
  return new AtServerError(UNKNOWN_ERROR_CODE, body.trim());
}
