// notify (notify_verb_handler.dart) from the atSign's own apps. One sent to
// the atSign itself is stored as received and delivered to its monitors at
// once — the way one app of an atSign tells its others about a change. One
// for another atSign would be queued for that atSign's server, which this
// local atServer does not reach (README-choices.md).
import { fixAtSign } from '../at-sign.mjs';
import { requireAuthorized } from '../authorize.mjs';
import { fail } from '../errors.mjs';
import { newNotification, publish } from '../notifications.mjs';

/** The server's notification expiry (config.yaml notification.expiryInMins: 15). */
const DEFAULT_EXPIRY_MS = 15 * 60_000;

/** getIsEncrypted: public keys never, text as said, keys unless said false (the legacy default). */
function isEncrypted(messageType, atKey, said) {
  if (messageType === 'key' && atKey.startsWith('public')) return false;
  if (messageType === 'text') return said?.toLowerCase() === 'true';
  return said?.toLowerCase() !== 'false';
}

function expiryOf(ttln) {
  if (ttln === undefined || ttln === '0') return DEFAULT_EXPIRY_MS;
  const ms = Number(ttln);
  if (!Number.isSafeInteger(ms)) throw fail('InvalidSyntaxException', 'Valid value for TTL should be greater than or equal to 0');
  return ms;
}

export function notify({ server, session }, params, response) {
  if (params.strategy === 'latest' && params.notifier === undefined) throw fail('InvalidSyntaxException', 'For Strategy latest, notifier cannot be null');
  const forAtSign = params.forAtSign === undefined ? undefined : fixAtSign(params.forAtSign);
  const sharedBy = params.atSign === undefined ? server.atSign : fixAtSign(params.atSign);
  if (!session.authenticated) throw fail('UnAuthenticatedException', 'Notify command cannot be executed without authentication');
  const messageType = params.messageType?.toLowerCase() === 'text' ? 'text' : 'key';
  let key;
  if (messageType === 'text') key = `${forAtSign}:${params.atKey}`;
  else if (params.atKey.startsWith('public')) key = `${params.atKey}${sharedBy}`;
  else key = `${forAtSign}:${params.atKey}${sharedBy}`;
  if (sharedBy !== server.atSign) throw fail('UnAuthorizedException', `${sharedBy} is not authorized to send notification as ${server.atSign}`);
  requireAuthorized(server, session, 'notify', key);
  // The notification's recipient: a public notification names none, which at_utils refuses.
  const to = fixAtSign(forAtSign ?? '');
  for (const [tag, name] of [['ttb', 'TTB'], ['ttl', 'TTL']]) {
    if (params[tag] !== undefined && !(Number(params[tag]) >= 0)) throw fail('InvalidSyntaxException', `Valid value for ${name} should be greater than or equal to 0`);
  }
  if (to !== server.atSign) throw fail('SecondaryNotFoundException', `The local atServer of ${server.atSign} does not deliver notifications to ${to}`);
  const metadata = { isEncrypted: isEncrypted(messageType, params.atKey, params.isEncrypted), availableAt: null, expiresAt: null };
  for (const name of ['sharedKeyEnc', 'pubKeyCS', 'encKeyName', 'encAlgo', 'ivNonce', 'skeEncKeyName', 'skeEncAlgo']) metadata[name] = params[name] ?? null;
  const notification = newNotification({
    ...(params.id ? { id: params.id } : {}),
    from: server.atSign,
    to,
    key,
    type: 'received',
    operation: params.operation?.toLowerCase() === 'delete' ? 'delete' : 'update',
    messageType,
    value: params.value ?? null,
    ttlMs: expiryOf(params.ttln),
    metadata,
  });
  publish(server, notification);
  response.data = notification.id;
}
