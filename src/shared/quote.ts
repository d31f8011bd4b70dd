// How a value a file, a site or a person supplied is shown inside a sentence
// of ours: JSON-quoted, with characters a reader cannot see escaped (a
// direction override would otherwise reorder the rest of the sentence), and
// cut short.

const MAX_QUOTE_CHARS = 60;
// Characters JSON.stringify leaves as they are but a reader cannot see.
const INVISIBLE = /[\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function quote(value: string): string {
  const chars = [...value];
  const short = chars.length > MAX_QUOTE_CHARS ? `${chars.slice(0, MAX_QUOTE_CHARS).join('')}…` : value;
  return JSON.stringify(short).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
