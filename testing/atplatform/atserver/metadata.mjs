// A stored key's metadata as at_persistence's AtMetaData keeps it: the
// AtMetadataBuilder's rules (createdAt kept, version counted, ttl/ttb/ttr
// turned into expiresAt/availableAt/refreshAt — ttr in seconds), toJson's
// field names and order, and Dart's UTC date text. Times are kept as epoch
// milliseconds here.

/** Dart's DateTime.toUtc().toString() at millisecond precision: "2026-12-05 10:00:00.000Z". */
export const dartTime = (ms) => new Date(ms).toISOString().replace('T', ' ');

/** The tags an update may carry that AtMetaData keeps, besides the three times. */
export const STRING_TAGS = ['dataSignature', 'sharedKeyEnc', 'pubKeyCS', 'encoding', 'encKeyName', 'encAlgo', 'ivNonce', 'skeEncKeyName', 'skeEncAlgo'];

/**
 * AtMetadataBuilder: `next` holds what this write sets (null/undefined = not
 * set), `existing` the metadata already stored (null for a new key).
 */
export function buildMetadata({ atSign, next = {}, existing = null, now }) {
  const meta = { ...next };
  meta.createdAt = existing?.createdAt ?? now;
  meta.createdBy = meta.createdBy ?? atSign;
  meta.updatedBy = atSign;
  meta.updatedAt = now;
  meta.status = 'active';
  meta.version = existing?.version == null ? 0 : existing.version + 1;
  const ttl = next.ttl ?? existing?.ttl ?? null;
  const ttb = next.ttb ?? existing?.ttb ?? null;
  const ttr = next.ttr ?? existing?.ttr ?? null;
  const ccd = next.isCascade ?? existing?.isCascade ?? null;
  if (ttl !== null && ttl >= 0) {
    meta.ttl = ttl;
    meta.expiresAt = ttl === 0 ? null : now + ttl + (ttb ?? 0);
  }
  if (ttb !== null && ttb >= 0) {
    meta.ttb = ttb;
    meta.availableAt = now + ttb;
  }
  if ((ttr !== null && ttr > 0) || ttr === -1) {
    meta.ttr = ttr;
    meta.refreshAt = ttr === -1 ? null : now + ttr * 1000;
  }
  if (ccd !== null) meta.isCascade = ccd;
  return meta;
}

/** Born (availableAt passed) and alive (expiresAt not passed): SecondaryUtil.isActiveKey. */
export function isActive(meta, now) {
  if (meta.availableAt != null && meta.availableAt > now) return false;
  if (meta.expiresAt != null && meta.expiresAt < now) return false;
  return true;
}

const time = (ms) => (ms == null ? null : dartTime(ms));

/** AtMetaData.toJson() with the server's removeNulls applied. */
export function metaDataJson(meta) {
  const json = {
    createdBy: meta.createdBy,
    updatedBy: meta.updatedBy,
    createdAt: time(meta.createdAt),
    updatedAt: time(meta.updatedAt),
    availableAt: time(meta.availableAt),
    expiresAt: time(meta.expiresAt),
    refreshAt: time(meta.refreshAt),
    status: meta.status,
    version: meta.version,
    ttl: meta.ttl,
    ttb: meta.ttb,
    ttr: meta.ttr,
    ccd: meta.isCascade,
    isBinary: meta.isBinary,
    isEncrypted: meta.isEncrypted,
    dataSignature: meta.dataSignature,
    sharedKeyEnc: meta.sharedKeyEnc,
    pubKeyCS: meta.pubKeyCS,
    encoding: meta.encoding,
    encKeyName: meta.encKeyName,
    encAlgo: meta.encAlgo,
    ivNonce: meta.ivNonce,
    skeEncKeyName: meta.skeEncKeyName,
    skeEncAlgo: meta.skeEncAlgo,
  };
  return Object.fromEntries(Object.entries(json).filter(([, value]) => value !== null && value !== undefined));
}
