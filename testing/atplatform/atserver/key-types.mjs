// What kind of key a stored name is (at_commons RegexUtil.keyType, namespace
// not enforced, as the keystore and the update verb ask) and the namespace
// AtKey.fromString reads from it (what APKAM authorisation checks).
import { fail } from './errors.mjs';

const r = String.raw;
const AT_SIGN_CHARS = r`[\w\-_]`;
const ENTITY_CHARS = r`[\w\.\-_'*"]`;
const EMOJI = r`((\u00a9|\u00ae|[\u2000-\u3300]|[\ufe00-\ufe0f]|\ud83c[\ud000-\udfff]|\ud83d[\ud000-\udfff]|\ud83e[\ud000-\udfff]))`;

const OWNERSHIP_WITHOUT_AT = `((${AT_SIGN_CHARS}|${EMOJI}){1,55})`;
const OWNERSHIP = `@(?<owner>${OWNERSHIP_WITHOUT_AT})`;
const OWNERSHIP_UNNAMED = `@(${AT_SIGN_CHARS}|${EMOJI}){1,55}`;
const SHARED_WITH = `((?<sharedWith>(${AT_SIGN_CHARS}|${EMOJI}){1,55}):)`;
const ENTITY = `(?<entity>(${ENTITY_CHARS}|${EMOJI})+)`;

const RESERVED_WITHOUT_AT_SIGN =
  r`(((?<=privatekey:)(at_pkam_publickey|at_pkam_privatekey|privatekey|self_encryption_key|at_secret|at_secret_deleted` +
  r`|signing_keypair_generated|commitLogCompactionStats|accessLogCompactionStats|notificationCompactionStats)$)|^(configkey)$` +
  `|(?:^_(${ENTITY_CHARS})+)$)`;
const RESERVED_WITH_AT_SIGN =
  `(((?<=private:)blocklist|(?<=public:)signing_publickey|(?<=${OWNERSHIP_UNNAMED}:)signing_privatekey` +
  `|(?<=^@(${SHARED_WITH}))shared_key|(?<=public:)publickey|(shared_key\\.${OWNERSHIP_WITHOUT_AT}))(?=${OWNERSHIP}))`;

const KEY_REGEXES = {
  reservedKey: `(?<atKey>(${RESERVED_WITHOUT_AT_SIGN}|${RESERVED_WITH_AT_SIGN}))`,
  publicKey: `(?<visibility>(public:){1})${ENTITY}${OWNERSHIP}`,
  privateKey: `(?<visibility>(private:){1})(@${SHARED_WITH})?${ENTITY}${OWNERSHIP}`,
  selfKey: `(@${SHARED_WITH})?(_*${ENTITY})${OWNERSHIP}`,
  cachedPublicKey: `(?<visibility>(cached:public:){1})${ENTITY}${OWNERSHIP}`,
  cachedSharedKey: `(cached:)(@${SHARED_WITH})(_*${ENTITY})${OWNERSHIP}`,
  localKey: `(?<visibility>(local:){1})${ENTITY}${OWNERSHIP}`,
};
const COMPILED = Object.fromEntries(Object.entries(KEY_REGEXES).map(([name, source]) => [name, new RegExp(source, 'i')]));

/** The first match covers the whole key (RegexUtil.matchAll). */
const matchesAll = (regex, key) => {
  const match = regex.exec(key);
  return match !== null && match[0].length === key.length;
};

/** 'reservedKey' | 'publicKey' | 'privateKey' | 'selfKey' | 'sharedKey' | 'cachedPublicKey' | 'cachedSharedKey' | 'localKey' | 'invalidKey'. */
export function keyType(key) {
  if (COMPILED.reservedKey.test(key)) return 'reservedKey';
  if (matchesAll(COMPILED.publicKey, key)) return 'publicKey';
  if (matchesAll(COMPILED.privateKey, key)) return 'privateKey';
  if (matchesAll(COMPILED.selfKey, key)) {
    const groups = COMPILED.selfKey.exec(key)?.groups ?? {};
    const { owner, sharedWith } = groups;
    return owner && sharedWith && owner !== sharedWith ? 'sharedKey' : 'selfKey';
  }
  for (const type of ['cachedPublicKey', 'cachedSharedKey', 'localKey']) if (matchesAll(COMPILED[type], key)) return type;
  return 'invalidKey';
}

/** Dart's enum text, as the server writes it into messages: `KeyType.privateKey`. */
export const keyTypeText = (type) => `KeyType.${type}`;

/**
 * AtKey.fromString's reading of a key: its name and namespace (what follows the
 * last '.', lowercased; null without one). InvalidSyntaxException for a key
 * without '@' or with a space, as the server's AtKey throws it.
 */
export function parseAtKey(key) {
  if (key.startsWith('privatekey:at_pkam_privatekey') || key.startsWith('privatekey:at_pkam_publickey')) return { name: key, namespace: null };
  if (key.startsWith('privatekey:privatekey')) return { name: key.split('@')[0], namespace: null };
  if (!key.includes('@') || key.includes(' ')) throw fail('InvalidSyntaxException', `${key} is not well-formed key`);
  const parts = key.split(':');
  let name;
  if (parts.length === 1) {
    name = parts[0].split('@')[0];
  } else {
    const rest = parts[0] === 'cached' ? parts[2] : parts[1];
    name = (rest ?? '').split('@')[0];
  }
  const dot = name.lastIndexOf('.');
  if (dot === -1) return { name, namespace: null };
  const namespace = name.slice(dot + 1);
  // AtKey's namespace setter ignores an empty one.
  return { name: name.slice(0, dot), namespace: namespace === '' ? null : namespace.toLowerCase() };
}
