// Numbers and names as a person reads them. Pure functions, easy to test.

/**
 * A name a person or a site chose, set apart inside a sentence of ours (what
 * <bdi> does in markup): a right-to-left name, or one holding a direction
 * override, cannot reorder the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

// Making a date formatter costs the browser about a millisecond; toLocaleString
// makes a new one on every call, and a list of sites shows three dates a row.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(ms: number, locale?: string): string {
  const key = locale ?? '';
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    timeFormats.set(key, format);
  }
  return format.format(ms);
}

/** File sizes in binary units, as the 1 MiB limit is: "812 bytes", "2.9 KB", "10.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An auto-lock choice in words: "1 minute", "15 minutes", "1 hour", "4 hours". */
export function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** A wait in words, rounded up: "1 second", "45 seconds", "3 minutes". */
export function formatWait(seconds: number): string {
  if (seconds <= 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Hex in groups of four, so a person can compare it a piece at a time. */
export function groupHex(hex: string, size = 4): string {
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += size) groups.push(hex.slice(i, i + size));
  return groups.join(' ');
}

/** What a person typed as an atSign, shown with one leading @ (the wallet does the real checking). */
export function displayAtSign(typed: string): string {
  return `@${typed.trim().replace(/^@+/, '')}`;
}
