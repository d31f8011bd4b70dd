// The demo atSigns' real .atKeys files (tests/fixtures/atkeys), read with the
// wallet's own reader, for signing challenges in the client's tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAtKeys, type AtKeys } from '@/src/keys';

export const ALICE = '@alice🛠';
export const ALICE_FILE = fileURLToPath(new URL('../../../fixtures/atkeys/@alice🛠.atKeys', import.meta.url));
export const BOB_FILE = fileURLToPath(new URL('../../../fixtures/atkeys/@bob🛠.atKeys', import.meta.url));

export const readFixture = (file: string): Promise<AtKeys> => readAtKeys(readFileSync(file, 'utf8'));
