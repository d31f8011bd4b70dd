// Sizes of the built extension as people download it: each file gzipped at
// level 9 (what a store or CDN would send), and the store zip as it is.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** An HTML page's own files: its scripts and stylesheets, and every chunk those scripts import. */
export function pageFiles(root: string, html: string): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    // Vite's output imports chunks by relative path: import"./x.js", from"./x.js", import("./x.js"),
    // import(`./x.js`) — the last for a chunk a page loads later (the popup's interface).
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g))
      visit(join(dirname(file), path!));
  };
  for (const [, path] of readFileSync(join(root, html), 'utf8').matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    visit(join(root, path!));
  return [join(root, html), ...files];
}
