import type { Browser } from 'webextension-polyfill';
import { onTestFinished } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createServices } from '@/src/background';
import { WalletDatabase } from '@/src/background/db/database';
import type { Services } from '@/src/background/services';
import { T0 } from './grants';

/** A database of its own for the current test, deleted when the test ends. */
export function freshDatabase(): WalletDatabase {
  const db = new WalletDatabase(`atsign-wallet-test-${crypto.randomUUID()}`);
  onTestFinished(() => db.delete());
  return db;
}

/**
 * The background's real services over a fresh database and the fake browser,
 * with few PBKDF2 rounds, no network, and a clock for grants that the test sets.
 */
export function testServices(start = T0) {
  const db = freshDatabase();
  const clock = { now: start };
  // Unit tests reach no network: the links to atServers stay offline here
  // (tests/unit/background-atplatform drives them against a local atPlatform).
  const offline = () => Promise.reject(new TypeError('No network in unit tests.'));
  const services: Services = {
    ...createServices(fakeBrowser as unknown as Browser, db, 1_000, offline),
    now: () => clock.now,
  };
  return { db, clock, services };
}
