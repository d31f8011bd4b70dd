// delete (delete_verb_handler.dart): the key put together as the handler
// does, the protected keys refused (the server's built-in list: the
// encryption and signing public keys, the signing private key, the PKAM
// key), `privatekey:at_secret` marked deleted, and the commit id answered —
// even for a key that was not there, as the keystore commits the delete anyway.
import { fixAtSign } from '../at-sign.mjs';
import { requireAuthorized } from '../authorize.mjs';
import { fail } from '../errors.mjs';

const CRAM_SECRET = 'privatekey:at_secret';
const protectedKeys = (atSign) => new Set([`signing_publickey${atSign}`, `signing_privatekey${atSign}`, `publickey${atSign}`, 'at_pkam_publickey']);

export function remove({ server, session, command }, params, response) {
  const atSign = params.atSign === undefined ? '' : fixAtSign(params.atSign);
  let key = params.atKey === CRAM_SECRET ? params.atKey : `${params.atKey}${atSign}`;
  const isCached = command.includes('cached:');
  if (protectedKeys(atSign).has(key) && !isCached) throw fail('UnAuthorizedException', `Cannot delete protected key: '${key}'`);
  if (params.forAtSign !== undefined) key = `${fixAtSign(params.forAtSign)}:${key}`;
  if (command.includes('public:')) key = `public:${key}`;
  if (isCached) key = `cached:${key}`;
  key = key.trim().toLowerCase().replaceAll(' ', '');
  if (key === CRAM_SECRET) server.store.put('privatekey:at_secret_deleted', 'true');
  requireAuthorized(server, session, 'delete', key);
  response.data = String(server.store.remove(key));
}
