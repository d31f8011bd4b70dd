// monitor and notify. The real server puts on a monitor the notifications it
// holds for this atSign: ones other atSigns sent, and — with
// `monitor:selfNotifications` — ones its own apps sent to it with `notify`.
// An `update` alone notifies nobody. Notifications to other atSigns are not
// forwarded here (README).
import { randomUUID } from 'node:crypto';
import { dartTime } from '../store.mjs';
import { fail } from '../errors.mjs';
import { fixAtSign } from './keys.mjs';

/** Notification.toJson of the monitor verb handler. */
function toJson(n) {
  return {
    id: n.id,
    from: n.from,
    to: n.to,
    key: n.key,
    value: n.value,
    operation: n.operation,
    epochMillis: n.epochMillis,
    messageType: `MessageType.${n.messageType}`,
    isEncrypted: n.isEncrypted,
    metadata: {
      encKeyName: null,
      encAlgo: null,
      ivNonce: n.ivNonce ?? null,
      skeEncKeyName: null,
      skeEncAlgo: null,
      availableAt: 'null',
      expiresAt: dartTime(n.expiresAt),
    },
  };
}

function deliver(session, notification, write) {
  const { regex, self } = session.monitor;
  if (notification.self && !self) return;
  if (regex && !regex.test(notification.key) && !regex.test(notification.from)) return;
  write(`notification: ${JSON.stringify(toJson(notification))}\n`);
}

export function monitor(server, session, groups, { write }) {
  let regex = null;
  if (groups.regex !== undefined) {
    try {
      regex = new RegExp(groups.regex);
    } catch {
      throw fail('InvalidSyntaxException', `Invalid regular expression. ${groups.regex} is not a valid regex`);
    }
  }
  session.monitor = { regex, self: groups.selfNotifications !== undefined, write };
  if (groups.epochMillis !== undefined) {
    const since = Number(groups.epochMillis);
    for (const n of server.notifications) if (n.epochMillis > since && n.expiresAt > Date.now()) deliver(session, n, write);
  }
  return undefined;
}

const NOTIFICATION_TTL_MS = 24 * 60 * 60_000;

export function notify(server, session, groups) {
  if (!groups.forAtSign) throw fail('IllegalArgumentException', 'public notifications are not served by the local atServer');
  const to = fixAtSign(groups.forAtSign);
  if (to !== server.atSign) throw fail('SecondaryNotFoundException', `The local atServer does not send notifications to ${to}`);
  const owner = groups.atSign ? fixAtSign(groups.atSign) : server.atSign;
  const now = Date.now();
  const notification = {
    id: groups.id ?? randomUUID(),
    from: server.atSign,
    to,
    key: `${to}:${groups.atKey}${owner}`,
    value: groups.value ?? null,
    operation: groups.operation ?? 'update',
    epochMillis: now,
    messageType: groups.messageType ?? 'key',
    isEncrypted: groups.isEncrypted === 'true',
    ivNonce: groups.ivNonce,
    expiresAt: now + (groups.ttln ? Number(groups.ttln) : NOTIFICATION_TTL_MS),
    self: true,
  };
  server.notifications.push(notification);
  for (const other of server.sessions) if (other.monitor) deliver(other, notification, other.monitor.write);
  return notification.id;
}
