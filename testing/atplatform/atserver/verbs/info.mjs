// info and noop (info_verb_handler.dart, noop_verb_handler.dart).
import { DartException, fail } from '../errors.mjs';
import { getEnrollment } from '../enrollments.mjs';

/**
 * The at_secondary release this atServer stands in for: the first with the
 * ALPN doors (WebSocket, HTTPS) the local atPlatform has (README-choices.md).
 */
export const SERVER_VERSION = '3.2.0';

/** durationToWords: units shown from the largest non-zero one down. */
function durationToWords(ms) {
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor(ms / 3_600_000) % 24;
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${days > 0 ? `${days} days ` : ''}${days > 0 || hours > 0 ? `${hours} hours ` : ''}${days > 0 || hours > 0 || minutes > 0 ? `${minutes} minutes ` : ''}${seconds} seconds`;
}

export function info({ server, session, command }, _params, response) {
  const uptime = Date.now() - server.startedAt;
  const answer = { version: SERVER_VERSION };
  if (command === 'info') {
    answer.uptimeAsWords = durationToWords(uptime);
    if (session.authenticated && session.enrollmentId !== null) answer.apkam_metadata = getEnrollment(server.store, session.enrollmentId);
  } else {
    answer.uptimeAsMillis = uptime;
  }
  response.data = JSON.stringify(answer);
}

const NOOP_LIMIT = 'noop:<durationInMillis> where the duration maximum is 5000 milliseconds';

export async function noop(_context, params, response) {
  const delay = Number(params.delayMillis);
  // int.parse of a number past 64 bits is a FormatException the server does not catch.
  if (!Number.isSafeInteger(delay)) throw new DartException('FormatException: Invalid radix-10 number (at character 1)');
  if (delay > 5000) throw fail('IllegalArgumentException', NOOP_LIMIT);
  await new Promise((resolve) => setTimeout(resolve, delay));
  response.data = 'ok';
}
