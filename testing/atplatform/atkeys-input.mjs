// What the launcher is given to serve — .atKeys files or their parsed JSON,
// and atSigns waiting for activation — checked and named, so a mistake is a
// one-line error that says which file or atSign is wrong.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * An atSign in the form the atPlatform keeps it (at_utils' fixAtSign): lowercase, one leading
 * `@`, dots after the `@` dropped, none of the reserved characters. Throws on anything else.
 */
export function normaliseAtSign(input) {
  if (typeof input !== 'string') throw new TypeError(`An atSign must be a string, got ${typeof input}.`);
  let atSign = input.toLowerCase();
  if (!atSign.startsWith('@')) atSign = `@${atSign}`;
  const name = atSign.slice(1).replaceAll('.', '');
  if (name === '') throw new Error(`"${input}" is not an atSign: it has no name.`);
  if (name.includes('@')) throw new Error(`"${input}" is not an atSign: it has more than one @.`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\s\u0000-\u001f\u007f!*'`();:&=+$,/?#[\]{}]/u.test(name)) {
    throw new Error(`"${input}" is not an atSign: it has a reserved character, a space or a control character.`);
  }
  return `@${name}`;
}

/**
 * The atSign an .atKeys document belongs to: the key named after it (`"@alice": <self key>`), else
 * a typed section's `atSign`/`atsign`, else the file's name (`@alice_key.atKeys`).
 */
export function atSignOfAtKeys(atKeys, fileName) {
  const named = Object.keys(atKeys).filter((name) => name.startsWith('@'));
  if (named.length === 1) return normaliseAtSign(named[0]);
  for (const field of ['atSign', 'atsign']) {
    if (typeof atKeys[field] === 'string') return normaliseAtSign(atKeys[field]);
  }
  if (fileName !== undefined) {
    const stem = path.basename(fileName).replace(/\.atkeys$/i, '').replace(/_key$/, '');
    if (stem.startsWith('@')) return normaliseAtSign(stem);
  }
  const where = fileName === undefined ? 'The given .atKeys JSON' : `The .atKeys file "${fileName}"`;
  throw new Error(`${where} does not say which atSign it belongs to (no "@name" key, no atSign field).`);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and parses one .atKeys file; the error names the file. */
export async function readAtKeysFile(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error?.code === 'ENOENT' ? 'no such file' : (error?.code ?? error?.message ?? String(error));
    throw Object.assign(new Error(`Cannot read the .atKeys file "${file}": ${reason}.`), { code: 'ATKEYS_UNREADABLE' });
  }
  let atKeys;
  try {
    atKeys = JSON.parse(text);
  } catch {
    throw Object.assign(new Error(`The .atKeys file "${file}" is not JSON.`), { code: 'ATKEYS_UNREADABLE' });
  }
  if (!isPlainObject(atKeys)) {
    throw Object.assign(new Error(`The .atKeys file "${file}" is not a JSON object.`), { code: 'ATKEYS_UNREADABLE' });
  }
  return atKeys;
}

/**
 * Every atSign to serve, checked: [{ atSign, atKeys } | { atSign, cramSecret }].
 * @param {{ atKeys?: Array<string | Record<string, unknown>>, unactivated?: Array<{ atSign: string, cramSecret: string }> }} options
 */
export async function gatherAtSigns(options) {
  const { atKeys = [], unactivated = [] } = options;
  if (!Array.isArray(atKeys)) throw new TypeError('atKeys must be an array of .atKeys file paths or parsed .atKeys JSON.');
  if (!Array.isArray(unactivated)) throw new TypeError('unactivated must be an array of { atSign, cramSecret }.');
  const entries = [];
  for (const item of atKeys) {
    if (typeof item === 'string') {
      const parsed = await readAtKeysFile(item);
      entries.push({ atSign: atSignOfAtKeys(parsed, item), atKeys: parsed });
    } else if (isPlainObject(item)) {
      entries.push({ atSign: atSignOfAtKeys(item), atKeys: item });
    } else {
      throw new TypeError('Each atKeys entry must be a file path or a parsed .atKeys JSON object.');
    }
  }
  for (const item of unactivated) {
    if (!isPlainObject(item) || typeof item.cramSecret !== 'string' || item.cramSecret === '') {
      throw new TypeError('Each unactivated entry must be { atSign, cramSecret } with a non-empty cramSecret.');
    }
    entries.push({ atSign: normaliseAtSign(item.atSign), cramSecret: item.cramSecret });
  }
  const seen = new Set();
  for (const { atSign } of entries) {
    if (seen.has(atSign)) throw new Error(`${atSign} is given more than once.`);
    seen.add(atSign);
  }
  return entries;
}
