// The atPlatform's public demo .atKeys files (BSD-3-Clause), from the shared
// folder beside the repository, with the fingerprints they must show.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../../shared/fixtures/atkeys/', import.meta.url));

export interface AtKeysFixture {
  file: string;
  path: string;
  atSign: string;
  content: string;
  encryptionPublicKeySha256: string;
  pkamPublicKeySha256: string;
}

export function atKeysFixtures(): AtKeysFixture[] {
  const index = JSON.parse(readFileSync(`${DIR}fixtures.json`, 'utf8')) as {
    files: Omit<AtKeysFixture, 'path' | 'content'>[];
  };
  return index.files.map((f) => ({ ...f, path: DIR + f.file, content: readFileSync(DIR + f.file, 'utf8') }));
}
