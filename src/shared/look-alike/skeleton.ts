// UTS #39 skeletons: two strings that look alike have the same skeleton. The
// mapping is confusables.txt (Unicode 13.0.0) as the unhomoglyph package ships
// it, one prototype string for each code point it lists.
import prototypes from 'unhomoglyph/data.json';

// Built on first use: most wallet pages never compare names.
let table: ReadonlyMap<string, string> | undefined;

/** The skeleton as UTS #39 defines it: NFD, each code point to its prototype, NFD again. */
export function skeleton(text: string): string {
  table ??= new Map(Object.entries(prototypes as Record<string, string>));
  let mapped = '';
  for (const ch of text.normalize('NFD')) mapped += table.get(ch) ?? ch;
  return mapped.normalize('NFD');
}

function foldedSkeleton(text: string): string {
  return skeleton(skeleton(text).toLowerCase());
}

// Prototypes of single characters, kept: names are mostly the same few letters.
const perCharacter = new Map<string, string>();
const KEEP_AT_MOST = 4096;

function prototypeOfCharacter(ch: string): string {
  let found = perCharacter.get(ch);
  if (found === undefined) {
    found = foldedSkeleton(ch);
    if (perCharacter.size < KEEP_AT_MOST) perCharacter.set(ch, found);
  }
  return found;
}

/**
 * The skeleton of a host name, case folded: the data maps the digit 0 to a
 * capital O while hosts are lowercase, so "g00gle" must fold to "google".
 */
export function hostSkeleton(text: string): string {
  // ASCII has no combining marks to reorder, so character by character is exact.
  return ASCII.test(text) ? hostPrototypes(text).join('') : foldedSkeleton(text);
}

const ASCII = /^[\0-\x7f]*$/;

/**
 * The host skeleton one character at a time, so that spelling can count
 * edits by what a person sees: m (skeleton "rn") swapped with its neighbour
 * is one edit, not two.
 */
export function hostPrototypes(text: string): string[] {
  const found: string[] = [];
  for (const ch of ASCII.test(text) ? text : text.normalize('NFD')) found.push(prototypeOfCharacter(ch));
  return found;
}
