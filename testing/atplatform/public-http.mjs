// The atServer's HTTPS GET of public data, as at_secondary's
// AtServerHttpRequestHandler answers it: the path names a public key
// (`/publickey` → public:publickey@alice; `/atwallet/signing_key` →
// public:signing_key.atwallet@alice; `/@alice/…` and `public:…@alice` forms
// too); `?at_rt=meta` → its metadata as JSON, `?at_rt=all` → key, data and
// metadata; `?at_ct=` sets the content type; binary values go out as bytes.
// Missing → 404 `404 Not Found`; not GET → 405; no CORS headers.
import { decodeBase2e15 } from './base2e15.mjs';
import { answer, decodePath, splitTarget } from './http-answer.mjs';

/** What the server's `mime` package gives for the endings a public page is likely to have. */
const MIME_TYPES = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  txt: 'text/plain',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  wasm: 'application/wasm',
};

/** `public:<name><atSign>` for a request path, as the server's getKeyToLookup builds it. */
export function keyForPath(decodedPath, atSign) {
  let path = decodedPath;
  if (path.includes('?')) path = path.slice(0, path.indexOf('?'));
  path = path.replace(/^\/+/, '');
  // The same URL works through a proxy (/@alice/…) and on the atServer itself.
  if (path.startsWith(`${atSign}/`)) path = path.slice(atSign.length + 1);
  if (path.startsWith('public:')) path = path.slice('public:'.length);
  if (path.endsWith(atSign)) path = path.slice(0, -atSign.length);
  let key = path
    .split('/')
    .reverse()
    .filter((part) => part !== '')
    .join('.');
  if (!key.startsWith('public:')) key = `public:${key}`;
  if (!key.endsWith(atSign)) key = `${key}${atSign}`;
  return key;
}

/** The path a key would have as a web page (`index.html.demo.gary` → `gary/demo/index.html`), for its MIME type. */
function pseudoWebPath(name) {
  const parts = name.split('.');
  if (parts.length <= 2) return parts.join('.');
  return [...parts.slice(2).reverse(), `${parts[0]}.${parts[1]}`].join('/');
}

function inferredMimeType(name) {
  const file = pseudoWebPath(name).split('/').pop() ?? '';
  const dot = file.lastIndexOf('.');
  return dot === -1 ? null : (MIME_TYPES[file.slice(dot + 1).toLowerCase()] ?? null);
}

/** Drops null and undefined members, nested too, as the server's removeNulls does. */
function withoutNulls(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null && member !== undefined)
      .map(([name, member]) => [name, withoutNulls(member)]),
  );
}

/**
 * @param {{ method?: string, url?: string }} request
 * @param {{ atSign: string, publicLookup(name: string): { value: string | null, metadata: Record<string, unknown> } | null }} core
 * @returns {import('./http-answer.mjs').HttpAnswer}
 */
export function answerPublicHttp(request, core) {
  const target = request.url ?? '/';
  if (target.length > 1000) return answer(400);
  if ((request.method ?? '').toUpperCase() !== 'GET') return answer(405);
  const { path, params } = splitTarget(target);
  const decoded = decodePath(path);
  // The real server logs and sends an empty 200 when a path is not UTF-8; a clear 400 says more.
  if (decoded === null) return answer(400, 'The path is not percent-encoded UTF-8.');
  const key = keyForPath(decoded, core.atSign);
  const name = key.slice('public:'.length, -core.atSign.length);
  const found = core.publicLookup(name);
  if (found === null) return answer(404, '404 Not Found');
  const { value, metadata } = found;
  if (value === null || value === undefined) return answer(200);

  const requestType = params.at_rt;
  if (requestType === 'meta') {
    return answer(200, JSON.stringify(withoutNulls(metadata)), { 'content-type': 'application/json; charset=utf-8' });
  }
  const isBinary = metadata?.isBinary === true;
  // A content type asked for in the query is used only if it is one (it becomes a header).
  const asked = /^[\w.+-]+\/[\w.+-]+$/.test(params.at_ct ?? '') ? params.at_ct : undefined;
  const mimeType = asked ?? inferredMimeType(name) ?? (isBinary ? 'application/octet-stream' : 'text/plain');
  const headers = { 'content-type': `${mimeType}; charset=utf-8` };
  // Binary values go out as bytes even when `all` is asked for, as on the server.
  if (requestType === 'all' && !isBinary) {
    return answer(200, JSON.stringify(withoutNulls({ key, data: value, metaData: metadata })), headers);
  }
  return answer(200, isBinary ? decodeBase2e15(value) : value, headers);
}
