// Reads a chosen .atKeys file as text, refusing at once anything far too big
// to be one, so nothing of it is read or sent.
import { formatBytes } from '../shared/words';

export const MAX_ATKEYS_BYTES = 1024 * 1024;

/** Why this file cannot be an .atKeys file, or null if it may be one. */
export function fileProblem(file: File): string | null {
  if (file.size > MAX_ATKEYS_BYTES) return `This file is ${formatBytes(file.size)}. An .atKeys file is a few kilobytes.`;
  if (file.size === 0) return 'This file is empty. An .atKeys file holds your keys as text.';
  return null;
}

export async function readAtKeysFile(file: File): Promise<string> {
  const problem = fileProblem(file);
  if (problem) throw new Error(problem);
  return file.text();
}
