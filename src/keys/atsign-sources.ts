// Where an .atKeys file says whose it is. In order of trust: a top-level key
// starting with "@" (the atPlatform writes `"@alice": <selfEncryptionKey>`),
// a newer file's `atsign` field, and last the file name the atPlatform gives
// it ("@alice_key.atKeys"). When the file itself names its owner, the file
// name only counts if it names someone else — a file renamed to another
// person's atSign is exactly the mix-up worth stopping.

import { ATSIGN_FIELD } from './atkeys-format';
import { checkAtSign } from './atsign';
import { AtKeysError } from './errors';
import { quote } from '../shared/quote';

interface Source {
  where: string;
  atSign: string;
}

function normalised(raw: string, where: string): string {
  const check = checkAtSign(raw);
  if (!check.ok) {
    throw new AtKeysError('bad-atsign', `The atSign in ${where} is not valid. ${check.problems.join(' ')}`);
  }
  return check.atSign;
}

/**
 * The readings of a file name that could be an atSign, best first:
 * "@alice_key (1).atKeys" → ["@alice", "@alice_key"]. Browsers add " (1)" to
 * repeated downloads; the atPlatform adds "_key". A name without ".atKeys" or
 * "@" is not evidence of anything.
 */
export function atSignsFromFileName(fileName: string | undefined): string[] {
  if (!fileName) return [];
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const match = /^(@.+?)(?:\s*\(\d+\))?\.atkeys$/iu.exec(base);
  if (!match?.[1]) return [];
  const name = match[1];
  const readings = name.toLowerCase().endsWith('_key') ? [name.slice(0, -4), name] : [name];
  return readings.filter((r) => r.length > 1);
}

export interface FoundAtSign {
  atSign: string;
  /** Top-level "@…" keys that named the owner; they are rewritten on export, not kept in `extra`. */
  ownerKeys: string[];
}

export function findAtSign(file: Record<string, unknown>, fileName?: string): FoundAtSign {
  const sources: Source[] = [];
  const ownerKeys = Object.keys(file).filter((key) => key.startsWith('@'));
  for (const key of ownerKeys) {
    const where = `the file's ${quote(key)} key`;
    sources.push({ where, atSign: normalised(key, where) });
  }
  if (Object.hasOwn(file, ATSIGN_FIELD)) {
    const value = file[ATSIGN_FIELD];
    const where = `the "${ATSIGN_FIELD}" field`;
    if (typeof value !== 'string') {
      throw new AtKeysError('bad-atsign', `The "${ATSIGN_FIELD}" field must be text naming the atSign.`);
    }
    sources.push({ where, atSign: normalised(value, where) });
  }

  const fromName = atSignsFromFileName(fileName);
  const nameWhere = `the file name ${quote(fileName ?? '')}`;
  const first = sources[0];
  if (!first) {
    const best = fromName[0];
    if (best === undefined) {
      throw new AtKeysError(
        'no-atsign',
        'The file does not say which atSign it belongs to: it has no "@…" key or "atsign" field, and its name is not like "@alice_key.atKeys".',
      );
    }
    return { atSign: normalised(best, nameWhere), ownerKeys };
  }

  for (const other of sources.slice(1)) {
    if (other.atSign !== first.atSign) {
      throw new AtKeysError(
        'atsign-conflict',
        `The file names two different atSigns: ${quote(first.atSign)} in ${first.where} and ${quote(other.atSign)} in ${other.where}.`,
      );
    }
  }
  const nameReadings = fromName.map(checkAtSign).flatMap((c) => (c.ok ? [c.atSign] : []));
  if (nameReadings.length > 0 && !nameReadings.includes(first.atSign)) {
    throw new AtKeysError(
      'atsign-conflict',
      `The file belongs to ${quote(first.atSign)} (${first.where}), but ${nameWhere} says ${quote(nameReadings[0] ?? '')}.`,
    );
  }
  return { atSign: first.atSign, ownerKeys };
}
