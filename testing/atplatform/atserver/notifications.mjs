// Notifications as they reach monitor connections. The server keeps them in a
// notification log; `received` ones (a `notify` to this atSign — including
// from its own apps) go to every monitor, `self` ones (a new enrollment
// request) only to monitors opened with `selfNotifications`. Each is checked
// against the monitor's regex (on the key, or the sender without '@') and,
// for an APKAM monitor, its namespaces. Separately, every update and delete
// — and a 15-second timer — writes a statsNotification with the latest
// commit id to every monitor, regex or not: that is all an `update` ever
// tells a monitor (stats_notification_service.dart, monitor_verb_handler.dart).
import { randomUUID } from 'node:crypto';
import { isAuthorized } from './authorize.mjs';
import { fail } from './errors.mjs';
import { dartTime } from './metadata.mjs';

const STATS_INTERVAL_MS = 15_000;
const NOTIFICATION_METADATA = ['encKeyName', 'encAlgo', 'ivNonce', 'skeEncKeyName', 'skeEncAlgo'];

/** AtNotificationBuilder: the fields a stored notification keeps. */
export function newNotification({ id = randomUUID(), from, to, key, type, operation = 'update', messageType = 'key', value = null, ttlMs, metadata = null, now = Date.now() }) {
  return { id, fromAtSign: from, toAtSign: to, notification: key, type, opType: operation, messageType, atValue: value, notificationDateTime: now, expiresAt: ttlMs > 0 ? now + ttlMs : null, atMetadata: metadata };
}

const head = (n) => ({
  id: n.id,
  from: n.fromAtSign,
  to: n.toAtSign,
  key: n.notification,
  value: n.atValue,
  operation: n.opType,
  epochMillis: n.notificationDateTime,
  messageType: `MessageType.${n.messageType}`,
  isEncrypted: n.atMetadata?.isEncrypted ?? false,
});

/** MonitorVerbHandler.processAtNotification's JSON, for a notification as it arrives. */
function liveJson(n) {
  const metadata = Object.fromEntries(NOTIFICATION_METADATA.map((name) => [name, n.atMetadata?.[name] ?? null]));
  metadata.sharedKeyEnc = n.atMetadata?.sharedKeyEnc ?? null;
  return { ...head(n), metadata };
}

/** The Notification(atNotification) JSON, for one replayed by `monitor:<epochMillis>`. */
export function replayJson(n) {
  const metadata = Object.fromEntries(NOTIFICATION_METADATA.map((name) => [name, n.atMetadata?.[name] ?? null]));
  const dateText = (ms) => (ms == null ? 'null' : dartTime(ms));
  metadata.availableAt = n.atMetadata === null ? null : dateText(n.atMetadata.availableAt);
  metadata.expiresAt = dateText(n.atMetadata?.expiresAt ?? n.expiresAt);
  return { ...head(n), metadata };
}

/** _sendNotification's regex test; an invalid regex is the server's InvalidSyntaxException. */
export function matchesMonitor(session, n) {
  const { regex } = session.monitor;
  const from = n.fromAtSign?.replaceAll('@', '');
  return regex.test(n.notification) || (from !== undefined && regex.test(from));
}

/**
 * _checkAndSend: the namespace check, then the regex, then the line. A
 * replayed notification's failure is the monitor command's error; a live
 * one's is swallowed, as the server's notification callback swallows it.
 */
export function sendToMonitor(server, session, n, json, replay = false) {
  try {
    if (!isAuthorized(server, session, { verb: 'monitor', atKey: n.notification })) return;
    let matched;
    try {
      matched = matchesMonitor(session, n);
    } catch {
      throw fail('InvalidSyntaxException', `Invalid regular expression. ${session.monitor.pattern} is not a valid regex`);
    }
    if (matched) session.write(`notification: ${JSON.stringify(json)}\n`);
  } catch (error) {
    if (replay) throw error;
  }
}

/** Stores a notification and hands it to the monitors registered for its type. */
export function publish(server, n) {
  server.store.addNotification(n);
  for (const session of server.sessions) {
    if (session.closed || session.monitor === null) continue;
    if (n.type === 'received' || (n.type === 'self' && session.monitor.self)) sendToMonitor(server, session, n, liveJson(n));
  }
}

/** StatsNotificationService.writeStatsToMonitor. */
export function writeStats(server, latestCommitId, operation) {
  const json = {
    id: '-1',
    from: server.atSign,
    to: server.atSign,
    key: `statsNotification.${server.atSign}`,
    value: String(latestCommitId),
    operation: operation === 'delete' ? 'delete' : 'update',
    epochMillis: Date.now(),
    messageType: 'MessageType.key',
    isEncrypted: false,
    metadata: null,
  };
  for (const session of server.sessions) if (session.isMonitor && !session.closed) session.write(`notification: ${JSON.stringify(json)}\n`);
}

/** The periodic stats job runs while some connection is a monitor, and stops with the last one. */
export function tendStatsTimer(server) {
  const monitoring = [...server.sessions].some((session) => session.isMonitor && !session.closed);
  if (monitoring && server.statsTimer === null) {
    server.statsTimer = setInterval(() => writeStats(server, server.store.latestCommitId(), null), STATS_INTERVAL_MS);
    server.statsTimer.unref?.();
  } else if (!monitoring && server.statsTimer !== null) {
    clearInterval(server.statsTimer);
    server.statsTimer = null;
  }
}
