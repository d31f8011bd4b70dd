// The root's HTTPS answer, as at_root_server's handleHttpRequest gives it
// (atsign-foundation/at_server PR #2359): `GET /@alice` or `GET /alice` →
// 200 `host:port`; an atSign it does not know → 404 `404 not found`; more
// path after the atSign → 302 to that path on the atSign's atServer; any
// other method → 401 `Unauthorized`. No lowercasing here (the line protocol
// lowercases, this door does not), and no CORS headers.
import { answer, decodePath, splitTarget } from './http-answer.mjs';

/**
 * @param {{ method?: string, url?: string }} request
 * @param {(name: string) => string | null} lookup an atSign without its `@` → `host:port`, or null
 * @returns {import('./http-answer.mjs').HttpAnswer}
 */
export function answerRootHttp(request, lookup) {
  const target = request.url ?? '/';
  if (target.length > 1000) return answer(400);
  if (request.method !== 'GET') return answer(401, 'Unauthorized');
  const { path, query } = splitTarget(target);
  let decoded = decodePath(path);
  // The real root logs and sends an empty 200 when a path is not UTF-8; a clear 400 says more.
  if (decoded === null) return answer(400, 'The path is not percent-encoded UTF-8.');
  if (decoded.startsWith('/')) decoded = decoded.slice(1);
  if (decoded.startsWith('@')) decoded = decoded.slice(1);
  const [name = '', ...rest] = decoded.split('/');
  const found = lookup(name);
  if (found === null) return answer(404, '404 not found');
  // The rest of the path, each segment escaped again, names something on the atServer itself.
  const onAtServer = rest.map((part) => encodeURIComponent(part)).join('/');
  if (onAtServer === '') return answer(200, found);
  return answer(302, '', { location: `https://${found}/${onAtServer}${query === '' ? '' : `?${query}`}` });
}
