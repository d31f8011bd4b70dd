// What the wallet weighs: the two scripts every web page gets, the popup a
// person opens, and the package the Chrome store ships.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { record } from './lib/record';
import { gzipBytes, pageFiles } from './lib/sizes';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUILD = `${ROOT}.output/chrome-mv3/`;

it('measures the built Chromium extension', ({ task }) => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { name: string; version: string };
  // wxt zip names the package after package.json, as the stores will see it.
  const zip = `${ROOT}.output/${pkg.name}-${pkg.version}-chrome.zip`;
  const popup = pageFiles(BUILD, 'popup.html');
  record(task, {
    figures: {
      inpage_gzip_bytes: gzipBytes(`${BUILD}content-scripts/inpage.js`),
      content_gzip_bytes: gzipBytes(`${BUILD}content-scripts/relay.js`),
      popup_gzip_bytes: popup.reduce((sum, file) => sum + gzipBytes(file), 0),
      chrome_zip_bytes: statSync(zip).size,
    },
    context: { popup_files: popup.map((file) => file.slice(BUILD.length)) },
  });
});
