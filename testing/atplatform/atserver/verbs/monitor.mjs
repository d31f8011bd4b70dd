// monitor (monitor_verb_handler.dart): registers the connection for
// notifications (see ../notifications.mjs), first replaying those stored
// after `monitor:<epochMillis>`. The server writes nothing in answer, and the
// connection goes on taking commands.
import { replayJson, sendToMonitor, tendStatsTimer } from '../notifications.mjs';

/** Dart compiles the pattern only when it first matches a notification; a bad one fails then. */
function compile(pattern) {
  try {
    return new RegExp(pattern);
  } catch {
    return {
      test() {
        throw new Error(`${pattern} is not a valid regex`);
      },
    };
  }
}

export function monitor({ server, session }, params) {
  const pattern = params.regex ?? '.*';
  const self = params.selfNotifications !== undefined;
  session.monitor = { self, pattern, regex: compile(pattern) };
  if (params.epochMillis !== undefined) {
    const since = Number(params.epochMillis);
    const now = Date.now();
    for (const n of server.store.notifications()) {
      const wanted = n.type === 'received' || (self && n.type === 'self');
      if (wanted && (n.expiresAt === null || n.expiresAt >= now) && n.notificationDateTime > since) sendToMonitor(server, session, n, replayJson(n), true);
    }
  }
  session.isMonitor = true;
  tendStatsTimer(server);
}
